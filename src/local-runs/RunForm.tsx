import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { ILocalRunRules, ITrainingSpec } from '../api/types';
import {
  FormField,
  FormProblems,
  FormStatus
} from '../launch/components/FormField';
import type { FormModel } from '../common/form';
import { useSignal } from '../launch/components/hooks';
import { HyperparameterFields } from '../launch/components/TrainForm';
import { ChannelSourceField } from './ChannelSourceField';
import {
  IPythonChoice,
  IRunFormValue,
  offersSynthetic,
  usesSynthetic
} from './runForm';

export interface IRunFormProps {
  spec: ITrainingSpec;
  state: FormModel<IRunFormValue>;
  /** The Python kernels of the server. */
  pythons: ReadonlyArray<IPythonChoice>;
  /** Prefix of the element ids (unique per dialog). */
  idPrefix: string;
  instanceLabel: (id: string) => string;
  /** The server's defaults and limits of a run (null: not loaded). */
  rules: ILocalRunRules | null;
  trans: TranslationBundle;
}

/**
 * The Run locally dialog's form: the Train form's hyperparameters and
 * instance type, a source per channel, the Python, the code and the output.
 */
export function RunForm(props: IRunFormProps): JSX.Element {
  const { spec, state, pythons, idPrefix, instanceLabel, rules, trans } = props;
  useSignal(state.changed);
  const value = state.value;
  const errorOf = (key: string): string | undefined => state.errorOf(key);
  const disabled = state.busy;
  const id = (key: string): string => `${idPrefix}-${key}`;
  const text = (
    key: 'synthetic_rows' | 'seed' | 'code' | 'output',
    extra: React.InputHTMLAttributes<HTMLInputElement> = {}
  ): JSX.Element => (
    <input
      type="text"
      className="sme-Input sme-mod-code"
      value={value[key]}
      disabled={disabled}
      spellCheck={false}
      autoComplete="off"
      onChange={event => state.update({ [key]: event.target.value })}
      onBlur={() => state.touch(key)}
      {...extra}
    />
  );
  return (
    <div className="sme-LaunchForm sme-RunForm">
      <p className="sme-RunForm-intro">
        {trans.__(
          'Runs %1 on the machine that runs JupyterLab, in the contract of a SageMaker training container (the SM_* variables, /opt/ml as a run folder).',
          spec.entry_point || trans.__('the training script')
        )}
      </p>
      <FormField
        id={id('instance_type')}
        label={trans.__('Instance type (sets SM_CURRENT_INSTANCE_TYPE only)')}
        hint={trans.__(
          'The script runs on this machine whatever you choose; only the variable says which instance it would be.'
        )}
        error={errorOf('instance_type')}
      >
        <select
          className="sme-Select"
          value={value.instance_type}
          disabled={disabled}
          onChange={event =>
            state.update({ instance_type: event.target.value })
          }
        >
          {spec.instance_types.map(choice => (
            <option key={choice} value={choice}>
              {instanceLabel(choice)}
            </option>
          ))}
        </select>
      </FormField>
      <HyperparameterFields
        specs={spec.hyperparameters}
        state={state}
        idPrefix={idPrefix}
        trans={trans}
      />
      {spec.channels.length > 0 ? (
        <fieldset className="sme-RunForm-channels">
          <legend>{trans.__('Data')}</legend>
          {spec.channels.map(channel => (
            <ChannelSourceField
              key={channel.name}
              channel={channel}
              choice={
                value.channels[channel.name] ?? { source: 'entry', folder: '' }
              }
              synthetic={offersSynthetic(spec)}
              error={errorOf(`channels.${channel.name}`)}
              disabled={disabled}
              idPrefix={idPrefix}
              onChange={choice =>
                state.update(
                  {
                    channels: {
                      ...state.value.channels,
                      [channel.name]: choice
                    }
                  },
                  [`channels.${channel.name}`]
                )
              }
              onBlur={() => state.touch(`channels.${channel.name}`)}
              trans={trans}
            />
          ))}
        </fieldset>
      ) : null}
      {usesSynthetic(value) ? (
        <div className="sme-LaunchForm-row">
          <FormField
            id={id('synthetic_rows')}
            label={trans.__('Rows')}
            hint={
              rules
                ? trans.__(
                    'Rows of each synthetic channel, at most %1.',
                    rules.max_synthetic_rows.toLocaleString()
                  )
                : trans.__('Rows of each synthetic channel.')
            }
            error={errorOf('synthetic_rows')}
            required
          >
            {text('synthetic_rows', { inputMode: 'numeric' })}
          </FormField>
          <FormField
            id={id('seed')}
            label={trans.__('Seed')}
            hint={trans.__('The same seed gives the same rows.')}
            error={errorOf('seed')}
          >
            {text('seed', { inputMode: 'numeric' })}
          </FormField>
        </div>
      ) : null}
      <FormField
        id={id('python')}
        label={trans.__('Python environment')}
        hint={trans.__(
          'The Python that runs the script: the server’s, or a Python kernel’s.'
        )}
        error={errorOf('python')}
      >
        <select
          className="sme-Select"
          value={value.python}
          disabled={disabled}
          onChange={event => state.update({ python: event.target.value })}
        >
          <option value="">{trans.__('The server’s Python')}</option>
          {pythons.map(python => (
            <option key={python.name} value={python.name}>
              {python.label}
            </option>
          ))}
        </select>
      </FormField>
      <div
        className={`sme-RunForm-check${errorOf('install_requirements') ? ' sme-mod-invalid' : ''}`}
      >
        <label>
          <input
            type="checkbox"
            checked={value.install_requirements}
            disabled={disabled}
            onChange={event =>
              state.update({ install_requirements: event.target.checked })
            }
          />
          {trans.__('Install requirements.txt first')}
        </label>
        {errorOf('install_requirements') ? (
          <p className="sme-Field-error">{errorOf('install_requirements')}</p>
        ) : null}
      </div>
      <FormField
        id={id('code')}
        label={trans.__('Code')}
        hint={trans.__(
          'A workspace file or folder to run instead of the entry’s script location (%1). Leave empty to use the entry’s.',
          spec.script_uri || trans.__('none')
        )}
        error={errorOf('code')}
      >
        {text('code')}
      </FormField>
      <FormField
        id={id('output')}
        label={trans.__('Output folder')}
        hint={trans.__(
          'A workspace folder or an s3:// prefix; model.tar.gz goes to <output>/<run id>/output/.'
        )}
        error={errorOf('output')}
      >
        {text('output')}
      </FormField>
      <FormProblems problems={state.summary} />
      <FormStatus busy={state.busy} text={state.status} />
    </div>
  );
}
