import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { Code } from '../details/Fields';
import type { IChannel } from '../api/types';
import { FormField } from '../launch/components/FormField';
import type { ChannelSource, IChannelChoice } from './runForm';

/**
 * Where one channel's data comes from: the entry's S3 data (its URI shown), a
 * workspace folder, or synthetic rows (tabular models only). A radio group;
 * the folder field appears when the workspace is chosen.
 */
export function ChannelSourceField(props: {
  channel: IChannel;
  choice: IChannelChoice;
  /** Synthetic rows may be chosen. */
  synthetic: boolean;
  error?: string;
  disabled: boolean;
  idPrefix: string;
  onChange: (choice: IChannelChoice) => void;
  onBlur: () => void;
  trans: TranslationBundle;
}): JSX.Element {
  const { channel, choice, synthetic, error, disabled, idPrefix } = props;
  const { onChange, onBlur, trans } = props;
  const id = `${idPrefix}-channel-${channel.name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const errorId = `${id}-error`;
  const sources: Array<[ChannelSource, string]> = [
    ['entry', trans.__('Entry’s S3 data')],
    ['workspace', trans.__('Workspace folder')]
  ];
  if (synthetic) {
    sources.push(['synthetic', trans.__('Synthetic rows')]);
  }
  const showError = error && choice.source !== 'workspace';
  return (
    <fieldset
      className="sme-RunForm-channel"
      aria-describedby={showError ? errorId : undefined}
    >
      <legend>{trans.__('Channel %1', channel.name)}</legend>
      <div
        className="sme-RunForm-sources"
        role="radiogroup"
        aria-label={trans.__('Source of channel %1', channel.name)}
      >
        {sources.map(([source, label]) => (
          <label key={source} className="sme-RunForm-source">
            <input
              type="radio"
              name={`${id}-source`}
              value={source}
              checked={choice.source === source}
              disabled={disabled}
              onChange={() => onChange({ ...choice, source })}
            />
            <span>{label}</span>
            {source === 'entry' ? (
              <Code>{channel.uri || trans.__('(none)')}</Code>
            ) : null}
          </label>
        ))}
      </div>
      {choice.source === 'workspace' ? (
        <FormField
          id={`${id}-folder`}
          label={trans.__('Workspace folder for %1', channel.name)}
          hint={trans.__('Relative to the root of the file browser.')}
          error={error}
          required
        >
          <input
            type="text"
            className="sme-Input sme-mod-code"
            value={choice.folder}
            disabled={disabled}
            spellCheck={false}
            autoComplete="off"
            onChange={event =>
              onChange({ ...choice, folder: event.target.value })
            }
            onBlur={onBlur}
          />
        </FormField>
      ) : null}
      {showError ? (
        <p id={errorId} className="sme-Field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
