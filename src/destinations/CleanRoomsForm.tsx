import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import {
  FormField,
  FormProblems,
  FormStatus
} from '../launch/components/FormField';
import type { FormModel } from '../common/form';
import { useSignal } from '../launch/components/hooks';
import type { IEntry } from '../api/types';
import { DestinationWarnings, LiveCheckNote } from './components';
import {
  CLEANROOMS_KEYS,
  ICleanRoomsFormValue,
  NOISE_LEVELS
} from './cleanroomsForm';

type TextKey = Exclude<
  keyof ICleanRoomsFormValue,
  'associate' | 'metrics_noise_level'
>;

export interface ICleanRoomsFormProps {
  entry: IEntry;
  state: FormModel<ICleanRoomsFormValue>;
  /** Prefix of the element ids (unique per dialog). */
  idPrefix: string;
  trans: TranslationBundle;
}

/**
 * The Register with Clean Rooms ML form: the algorithm (name, description,
 * role, the training container's entrypoint and arguments, a KMS key) and,
 * optionally, its association with a collaboration. Every change is checked
 * by the server once typing pauses; its problems show on their fields.
 */
export function CleanRoomsForm(props: ICleanRoomsFormProps): JSX.Element {
  const { entry, state, idPrefix, trans } = props;
  useSignal(state.changed);
  const value = state.value;
  const disabled = state.busy;
  const id = (key: string): string => `${idPrefix}-${key}`;

  const change = (patch: Partial<ICleanRoomsFormValue>): void => {
    const keys = Object.keys(patch).map(
      key => CLEANROOMS_KEYS[key as keyof ICleanRoomsFormValue]
    );
    state.update(patch, keys);
  };
  const text = (
    key: TextKey,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {}
  ): JSX.Element => (
    <input
      type="text"
      className="sme-Input"
      value={value[key]}
      disabled={disabled}
      spellCheck={false}
      autoComplete="off"
      onChange={event => change({ [key]: event.target.value })}
      onBlur={() => state.touch(CLEANROOMS_KEYS[key])}
      {...extra}
    />
  );
  const list = (key: 'entrypoint' | 'arguments'): JSX.Element => (
    <textarea
      className="sme-Input sme-mod-code"
      rows={2}
      value={value[key]}
      disabled={disabled}
      spellCheck={false}
      onChange={event => change({ [key]: event.target.value })}
      onBlur={() => state.touch(CLEANROOMS_KEYS[key])}
    />
  );
  const field = (
    key: keyof ICleanRoomsFormValue,
    label: string,
    control: JSX.Element,
    hint?: string,
    required?: boolean
  ): JSX.Element => (
    <FormField
      id={id(key)}
      label={label}
      hint={hint}
      error={state.errorOf(CLEANROOMS_KEYS[key])}
      required={required}
    >
      {control}
    </FormField>
  );

  const training = entry.training;
  const metrics = training?.metrics.length ?? 0;
  return (
    <div className="sme-LaunchForm sme-DestinationForm sme-CleanRoomsForm">
      <dl className="sme-DestinationForm-facts">
        <dt>{trans.__('Training container')}</dt>
        <dd>
          <code>{training?.image.uri ?? trans.__('none')}</code>
        </dd>
        {entry.inference ? (
          <>
            <dt>{trans.__('Inference container')}</dt>
            <dd>
              <code>{entry.inference.image.uri}</code>
            </dd>
          </>
        ) : null}
        <dt>{trans.__('Metric definitions')}</dt>
        <dd>{trans._n('%1 from the entry', '%1 from the entry', metrics)}</dd>
      </dl>
      <DestinationWarnings warnings={state.warnings} trans={trans} />
      {field(
        'name',
        trans.__('Algorithm name'),
        text('name', { className: 'sme-Input sme-mod-code' }),
        trans.__('The configured model algorithm’s name in Clean Rooms ML.'),
        true
      )}
      {field('description', trans.__('Description'), text('description'))}
      {field(
        'role_arn',
        trans.__('IAM role ARN'),
        text('role_arn', {
          className: 'sme-Input sme-mod-code',
          placeholder: trans.__('arn:aws:iam::<account>:role/<name>')
        }),
        trans.__(
          'The role Clean Rooms ML uses to pull the image. Leave empty to use the server’s default role.'
        )
      )}
      <div className="sme-LaunchForm-row">
        {field(
          'entrypoint',
          trans.__('Entrypoint'),
          list('entrypoint'),
          trans.__('Optional; one item per line.')
        )}
        {field(
          'arguments',
          trans.__('Arguments'),
          list('arguments'),
          trans.__('Optional; one item per line.')
        )}
      </div>
      {field(
        'kms_key_arn',
        trans.__('KMS key ARN'),
        text('kms_key_arn', { className: 'sme-Input sme-mod-code' }),
        trans.__('Optional: encrypts the algorithm’s data.')
      )}
      <fieldset className="sme-DestinationForm-group">
        <legend>
          <label>
            <input
              type="checkbox"
              checked={value.associate}
              disabled={disabled}
              onChange={event => change({ associate: event.target.checked })}
            />
            {trans.__('Also associate it with a collaboration')}
          </label>
        </legend>
        {state.errorOf(CLEANROOMS_KEYS.associate) ? (
          <p className="sme-Field-error">
            {state.errorOf(CLEANROOMS_KEYS.associate)}
          </p>
        ) : null}
        {value.associate ? (
          <>
            {field(
              'membership_id',
              trans.__('Membership ID'),
              text('membership_id', { className: 'sme-Input sme-mod-code' }),
              trans.__('Your membership of the collaboration.'),
              true
            )}
            {field(
              'association_name',
              trans.__('Association name'),
              text('association_name', { className: 'sme-Input sme-mod-code' }),
              undefined,
              true
            )}
            {field(
              'association_description',
              trans.__('Association description'),
              text('association_description')
            )}
            <fieldset className="sme-DestinationForm-group sme-mod-nested">
              <legend>{trans.__('Privacy configuration (optional)')}</legend>
              {field(
                'log_accounts',
                trans.__('Accounts that may read container logs'),
                text('log_accounts', { className: 'sme-Input sme-mod-code' }),
                trans.__('AWS account IDs, separated by spaces or commas.')
              )}
              {field(
                'log_filter',
                trans.__('Log filter pattern'),
                text('log_filter', { className: 'sme-Input sme-mod-code' })
              )}
              {field(
                'metrics_noise_level',
                trans.__('Metrics noise level'),
                <select
                  className="sme-Select"
                  value={value.metrics_noise_level}
                  disabled={disabled}
                  onChange={event =>
                    change({
                      metrics_noise_level: event.target
                        .value as ICleanRoomsFormValue['metrics_noise_level']
                    })
                  }
                >
                  <option value="">{trans.__('Not set')}</option>
                  {NOISE_LEVELS.map(level => (
                    <option key={level} value={level}>
                      {level}
                    </option>
                  ))}
                </select>
              )}
              <div className="sme-LaunchForm-row">
                {field(
                  'max_artifact_size_gb',
                  trans.__('Max artifact size (GB)'),
                  text('max_artifact_size_gb', { inputMode: 'decimal' })
                )}
                {field(
                  'max_output_size_gb',
                  trans.__('Max output size (GB)'),
                  text('max_output_size_gb', { inputMode: 'decimal' })
                )}
              </div>
            </fieldset>
          </>
        ) : null}
      </fieldset>
      <LiveCheckNote
        pending={state.checking}
        failure={state.checkFailure}
        trans={trans}
      />
      <FormProblems problems={state.summary} />
      <FormStatus busy={state.busy} text={state.status} />
    </div>
  );
}
