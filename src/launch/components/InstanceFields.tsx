import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { FormField } from './FormField';

/** An example role; not translated (an identifier). */
export const ROLE_EXAMPLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** Instance type (from the entry's list) and instance count, side by side. */
export function InstanceFields(props: {
  idPrefix: string;
  choices: ReadonlyArray<string>;
  /** What to say under the instance type. */
  hint?: string;
  value: { instance_type: string; instance_count: string };
  /** The problem shown on the field of `key`, if any. */
  errorOf: (key: string) => string | undefined;
  disabled: boolean;
  instanceLabel: (id: string) => string;
  onChange: (patch: {
    instance_type?: string;
    instance_count?: string;
  }) => void;
  onBlur: (key: string) => void;
  trans: TranslationBundle;
}): JSX.Element {
  const { idPrefix, choices, hint, value, errorOf, disabled, trans } = props;
  const { instanceLabel, onChange, onBlur } = props;
  return (
    <div className="sme-LaunchForm-row">
      <FormField
        id={`${idPrefix}-instance_type`}
        label={trans.__('Instance type')}
        hint={hint}
        error={errorOf('instance_type')}
        required
      >
        <select
          className="sme-Select"
          value={value.instance_type}
          disabled={disabled}
          onChange={event => onChange({ instance_type: event.target.value })}
          onBlur={() => onBlur('instance_type')}
        >
          {choices.map(choice => (
            <option key={choice} value={choice}>
              {instanceLabel(choice)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        id={`${idPrefix}-instance_count`}
        label={trans.__('Instance count')}
        error={errorOf('instance_count')}
        required
      >
        <input
          type="number"
          className="sme-Input"
          step={1}
          value={value.instance_count}
          disabled={disabled}
          onChange={event => onChange({ instance_count: event.target.value })}
          onBlur={() => onBlur('instance_count')}
        />
      </FormField>
    </div>
  );
}

/** The IAM execution role: empty means the server's default role. */
export function RoleField(props: {
  id: string;
  value: string;
  error?: string;
  disabled: boolean;
  onChange: (value: string) => void;
  onBlur: () => void;
  trans: TranslationBundle;
}): JSX.Element {
  const { id, value, error, disabled, onChange, onBlur, trans } = props;
  return (
    <FormField
      id={id}
      label={trans.__('IAM role ARN')}
      hint={trans.__(
        'The execution role SageMaker uses. Leave empty to use the server’s default role (SharedModelsApp.sagemaker_role_arn).'
      )}
      error={error}
    >
      <input
        type="text"
        className="sme-Input sme-mod-code"
        value={value}
        placeholder={ROLE_EXAMPLE}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        onChange={event => onChange(event.target.value)}
        onBlur={onBlur}
      />
    </FormField>
  );
}
