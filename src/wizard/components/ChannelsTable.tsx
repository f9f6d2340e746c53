import * as React from 'react';

import { useWizard } from '../context';
import type { IChannelRow } from '../form';
import { useS3Tools } from './S3Tools';
import { CellInput, patchRow, removeRow, RowsTable } from './Table';

// Technical examples (identifiers, regexes): not translated.
const EXAMPLE_NAME = 'train';

const PATH = 'training.channels';

export interface IChannelsTableProps {
  rows: IChannelRow[];
  onChange: (rows: IChannelRow[]) => void;
}

/** Training channels: name + S3 URI, as many as the server serves (`rules.training`). */
export function ChannelsTable(props: IChannelsTableProps): JSX.Element {
  const { trans, options } = useWizard();
  const { min_channels, max_channels } = options.rules.training;
  const { rows, onChange } = props;
  return (
    <RowsTable
      path={PATH}
      caption={trans.__('Channels')}
      hint={trans.__(
        'The named inputs of the training job (e.g. train, test), %1 to %2. Names use letters, digits, ".", "-" and "_".',
        min_channels,
        max_channels
      )}
      headers={[trans.__('Name'), trans.__('S3 URI')]}
      rows={rows}
      renderRow={(row, index) => [
        <CellInput
          key="name"
          path={`${PATH}.${index}.name`}
          label={trans.__('Channel %1 name', index + 1)}
          value={row.name}
          placeholder={EXAMPLE_NAME}
          spellCheck={false}
          onChange={name => onChange(patchRow(rows, index, { name }))}
        />,
        <ChannelUri
          key="uri"
          index={index}
          value={row.uri}
          onChange={uri => onChange(patchRow(rows, index, { uri }))}
        />
      ]}
      addLabel={trans.__('Add channel')}
      onAdd={() => onChange([...rows, { name: '', uri: '' }])}
      removeLabel={index => trans.__('Remove channel %1', index + 1)}
      onRemove={index => onChange(removeRow(rows, index))}
    />
  );
}

/** A channel's S3 URI: the cell input, Browse, and the exists hint. */
function ChannelUri(props: {
  index: number;
  value: string;
  onChange: (uri: string) => void;
}): JSX.Element {
  const { trans } = useWizard();
  const { index, value, onChange } = props;
  const label = trans.__('Channel %1 S3 URI', index + 1);
  const tools = useS3Tools({ label, value, onChange });
  return (
    <CellInput
      path={`${PATH}.${index}.uri`}
      label={label}
      value={value}
      placeholder={trans.__('s3://bucket/data/train/')}
      spellCheck={false}
      className="sme-mod-wide"
      onChange={onChange}
      onBlur={tools.onBlur}
      actions={tools.browse}
      extra={tools.hint}
    />
  );
}
