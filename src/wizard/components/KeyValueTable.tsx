import * as React from 'react';

import { useWizard } from '../context';
import type { IKeyValueRow } from '../form';
import { CellInput, patchRow, removeRow, RowsTable } from './Table';

// Technical examples (identifiers, regexes): not translated.
const EXAMPLE_NAME = 'LOG_LEVEL';

export interface IKeyValueTableProps {
  /** `training.environment` or `inference.environment`. */
  path: string;
  rows: IKeyValueRow[];
  onChange: (rows: IKeyValueRow[]) => void;
}

/** Environment variables: name → value rows. */
export function KeyValueTable(props: IKeyValueTableProps): JSX.Element {
  const { trans } = useWizard();
  const { path, rows, onChange } = props;
  return (
    <RowsTable
      path={path}
      caption={trans.__('Environment variables')}
      headers={[trans.__('Name'), trans.__('Value')]}
      rows={rows}
      emptyText={trans.__('No environment variables.')}
      renderRow={(row, index) => [
        <CellInput
          key="name"
          path={`${path}.${index}.name`}
          label={trans.__('Environment variable %1 name', index + 1)}
          value={row.name}
          placeholder={EXAMPLE_NAME}
          spellCheck={false}
          onChange={name => onChange(patchRow(rows, index, { name }))}
        />,
        <CellInput
          key="value"
          path={`${path}.${index}.value`}
          label={trans.__('Environment variable %1 value', index + 1)}
          value={row.value}
          spellCheck={false}
          onChange={value => onChange(patchRow(rows, index, { value }))}
        />
      ]}
      addLabel={trans.__('Add environment variable')}
      onAdd={() => onChange([...rows, { name: '', value: '' }])}
      removeLabel={index =>
        trans.__('Remove environment variable %1', index + 1)
      }
      onRemove={index => onChange(removeRow(rows, index))}
    />
  );
}
