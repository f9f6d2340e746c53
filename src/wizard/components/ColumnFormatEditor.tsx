import * as React from 'react';

import type { ColumnType } from '../../api/types';
import { columnsFromHeader, IColumnRow } from '../columns';
import { useWizard } from '../context';
import { SelectField } from './Field';
import { CellInput, CellSelect, patchRow, removeRow, RowsTable } from './Table';

const PATH = 'training.tabular.columns';

export interface IColumnFormatEditorProps {
  columns: IColumnRow[];
  target: string;
  onChange: (value: { columns: IColumnRow[]; target_column: string }) => void;
}

/**
 * The column format of a tabular dataset (name + type rows, filled from a
 * pasted CSV header) and its target column.
 */
export function ColumnFormatEditor(
  props: IColumnFormatEditorProps
): JSX.Element {
  const { trans, options, idPrefix } = useWizard();
  const { columns, target, onChange } = props;
  const [pasting, setPasting] = React.useState(false);
  const [header, setHeader] = React.useState('');
  const headerRef = React.useRef<HTMLInputElement>(null);
  const pasteButtonRef = React.useRef<HTMLButtonElement>(null);
  const headerId = `${idPrefix}-csv-header`;
  const fallbackType = (options.column_types[0]?.id ?? 'numeric') as ColumnType;

  React.useEffect(() => {
    if (pasting) {
      headerRef.current?.focus();
    }
  }, [pasting]);

  const setColumns = (next: IColumnRow[], nextTarget = target): void => {
    const names = next.map(column => column.name);
    onChange({
      columns: next,
      target_column: names.includes(nextTarget) ? nextTarget : ''
    });
  };
  const rename = (index: number, name: string): void => {
    const old = columns[index].name;
    // The target follows its column when renamed.
    setColumns(
      patchRow(columns, index, { name }),
      old === target ? name : target
    );
  };
  const closePaste = (): void => {
    setPasting(false);
    setHeader('');
    pasteButtonRef.current?.focus();
  };
  const applyHeader = (): void => {
    const next = columnsFromHeader(header, columns, fallbackType);
    if (next.length > 0) {
      setColumns(next);
    }
    closePaste();
  };

  const names = [...new Set(columns.map(column => column.name.trim()))].filter(
    name => name !== ''
  );
  return (
    <div className="sme-ColumnFormat">
      <RowsTable
        path={PATH}
        caption={trans.__('Column format')}
        hint={trans.__(
          'The columns of the training data, in order, with their types. Paste the first line of the CSV file to fill them.'
        )}
        headers={[trans.__('Column'), trans.__('Type')]}
        rows={columns}
        emptyText={trans.__('No columns yet.')}
        renderRow={(column, index) => [
          <CellInput
            key="name"
            path={`${PATH}.${index}.name`}
            label={trans.__('Column %1 name', index + 1)}
            value={column.name}
            spellCheck={false}
            onChange={name => rename(index, name)}
          />,
          <CellSelect
            key="type"
            path={`${PATH}.${index}.type`}
            label={trans.__('Column %1 type', index + 1)}
            choices={options.column_types}
            value={column.type}
            onChange={type =>
              setColumns(patchRow(columns, index, { type: type as ColumnType }))
            }
          />
        ]}
        addLabel={trans.__('Add column')}
        onAdd={() => setColumns([...columns, { name: '', type: fallbackType }])}
        removeLabel={index => trans.__('Remove column %1', index + 1)}
        onRemove={index => setColumns(removeRow(columns, index))}
        actions={
          <button
            ref={pasteButtonRef}
            type="button"
            className="sme-WizardButton"
            aria-expanded={pasting}
            onClick={() => (pasting ? closePaste() : setPasting(true))}
          >
            {trans.__('Paste CSV header')}
          </button>
        }
      />
      {pasting ? (
        <div className="sme-CsvHeader">
          <label className="sme-Field-label" htmlFor={headerId}>
            {trans.__('CSV header')}
          </label>
          <div className="sme-Field-control">
            <input
              ref={headerRef}
              id={headerId}
              type="text"
              className="sme-Input sme-mod-code"
              value={header}
              aria-describedby={`${headerId}-hint`}
              spellCheck={false}
              autoComplete="off"
              onChange={event => setHeader(event.target.value)}
              onKeyDown={event => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  applyHeader();
                } else if (event.key === 'Escape') {
                  event.preventDefault();
                  event.stopPropagation();
                  closePaste();
                }
              }}
            />
            <button
              type="button"
              className="sme-WizardButton sme-mod-primary"
              onClick={applyHeader}
            >
              {trans.__('Fill columns')}
            </button>
            <button
              type="button"
              className="sme-WizardButton"
              onClick={closePaste}
            >
              {trans.__('Cancel')}
            </button>
          </div>
          <p id={`${headerId}-hint`} className="sme-Field-hint">
            {trans.__(
              'e.g. age,income,churn. The columns are replaced by these names; a column already listed keeps its type.'
            )}
          </p>
        </div>
      ) : null}
      <SelectField
        path="training.tabular.target_column"
        label={trans.__('Target column')}
        hint={trans.__('The column the model predicts.')}
        required
        value={names.includes(target) ? target : ''}
        placeholder={
          names.length > 0
            ? trans.__('Choose the target column')
            : trans.__('Add columns first')
        }
        choices={names.map(name => ({ id: name, label: name }))}
        disabled={names.length === 0}
        onChange={value => onChange({ columns, target_column: value })}
      />
    </div>
  );
}
