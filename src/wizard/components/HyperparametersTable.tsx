import * as React from 'react';

import type { Scaling } from '../../api/types';
import { useWizard } from '../context';
import {
  emptyHyperparameter,
  HyperparameterType,
  IHyperparameterRow
} from '../form';
import { CellInput, CellSelect, patchRow, removeRow, RowsTable } from './Table';

// Technical examples (identifiers, regexes): not translated.
const EXAMPLE_NAME = 'epochs';
const EXAMPLE_VALUES = 'adam, sgd';

const PATH = 'training.hyperparameters';

export interface IHyperparametersTableProps {
  rows: IHyperparameterRow[];
  onChange: (rows: IHyperparameterRow[]) => void;
}

/**
 * Hyperparameters collaborators may change: name, type, the range of valid
 * values for the type, and a default.
 */
export function HyperparametersTable(
  props: IHyperparametersTableProps
): JSX.Element {
  const { trans, options } = useWizard();
  const { rows, onChange } = props;
  const update = (index: number, patch: Partial<IHyperparameterRow>): void =>
    onChange(patchRow(rows, index, patch));

  const range = (row: IHyperparameterRow, index: number): React.ReactNode => {
    const prefix = `${PATH}.${index}`;
    const n = index + 1;
    if (row.type === 'categorical') {
      return (
        <CellInput
          path={`${prefix}.values`}
          label={trans.__('Hyperparameter %1 allowed values', n)}
          prefix={trans.__('Values')}
          placeholder={EXAMPLE_VALUES}
          value={row.values}
          onChange={values => update(index, { values })}
        />
      );
    }
    if (row.type === 'free-text') {
      return <span className="sme-Cell-note">{trans.__('Any text')}</span>;
    }
    const mode = row.type === 'integer' ? 'numeric' : 'decimal';
    return (
      <div className="sme-Range">
        <CellInput
          path={`${prefix}.min`}
          label={trans.__('Hyperparameter %1 minimum', n)}
          prefix={trans.__('Min')}
          inputMode={mode}
          value={row.min}
          onChange={min => update(index, { min })}
        />
        <CellInput
          path={`${prefix}.max`}
          label={trans.__('Hyperparameter %1 maximum', n)}
          prefix={trans.__('Max')}
          inputMode={mode}
          value={row.max}
          onChange={max => update(index, { max })}
        />
        {row.type === 'continuous' ? (
          <CellSelect
            path={`${prefix}.scaling`}
            label={trans.__('Hyperparameter %1 scaling', n)}
            prefix={trans.__('Scaling')}
            choices={options.scalings}
            value={row.scaling}
            onChange={scaling => update(index, { scaling: scaling as Scaling })}
          />
        ) : null}
      </div>
    );
  };

  return (
    <RowsTable
      path={PATH}
      className="sme-HyperparametersTable"
      caption={trans.__('Hyperparameters')}
      hint={trans.__(
        'What collaborators may change when they train from the card; every training job is checked against these ranges.'
      )}
      headers={[
        trans.__('Name'),
        trans.__('Type'),
        trans.__('Valid values'),
        trans.__('Default')
      ]}
      rows={rows}
      emptyText={trans.__('No hyperparameters.')}
      renderRow={(row, index) => [
        <CellInput
          key="name"
          path={`${PATH}.${index}.name`}
          label={trans.__('Hyperparameter %1 name', index + 1)}
          value={row.name}
          placeholder={EXAMPLE_NAME}
          spellCheck={false}
          onChange={name => update(index, { name })}
        />,
        <CellSelect
          key="type"
          path={`${PATH}.${index}.type`}
          label={trans.__('Hyperparameter %1 type', index + 1)}
          choices={options.hyperparameter_types}
          value={row.type}
          onChange={type => update(index, { type: type as HyperparameterType })}
        />,
        <React.Fragment key="range">{range(row, index)}</React.Fragment>,
        <CellInput
          key="default"
          path={`${PATH}.${index}.default`}
          label={trans.__('Hyperparameter %1 default', index + 1)}
          value={row.default}
          inputMode={
            row.type === 'integer'
              ? 'numeric'
              : row.type === 'continuous'
                ? 'decimal'
                : 'text'
          }
          onChange={value => update(index, { default: value })}
        />
      ]}
      addLabel={trans.__('Add hyperparameter')}
      onAdd={() => onChange([...rows, emptyHyperparameter()])}
      removeLabel={index => trans.__('Remove hyperparameter %1', index + 1)}
      onRemove={index => onChange(removeRow(rows, index))}
    />
  );
}
