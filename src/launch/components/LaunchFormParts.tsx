import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { Code } from '../../details/Fields';
import type { FormModel } from '../../common/form';
import { FormField } from './FormField';
import { InstanceFields, RoleField } from './InstanceFields';

/** The fields every launch form (Train, Deploy) has. */
export interface ILaunchFormValue {
  role_arn: string;
  instance_type: string;
  instance_count: string;
}

/** What a launch form starts with: the container, and one more S3 path. */
export function LaunchSummary(props: {
  imageUri: string;
  /** Label of the second row ("Output path", "Model artifacts"). */
  pathLabel: string;
  path: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { imageUri, pathLabel, path, trans } = props;
  return (
    <dl className="sme-LaunchForm-summary">
      <dt>{trans.__('Container')}</dt>
      <dd>
        <Code>{imageUri}</Code>
      </dd>
      <dt>{pathLabel}</dt>
      <dd>
        <Code>{path}</Code>
      </dd>
    </dl>
  );
}

/** The required name of what is launched (job name, endpoint name). */
export function NameField<
  K extends string,
  V extends Record<K, string>
>(props: {
  state: FormModel<V>;
  field: K;
  idPrefix: string;
  label: string;
  hint: string;
}): JSX.Element {
  const { state, field, idPrefix, label, hint } = props;
  return (
    <FormField
      id={`${idPrefix}-${field}`}
      label={label}
      hint={hint}
      error={state.errorOf(field)}
      required
    >
      <input
        type="text"
        className="sme-Input sme-mod-code"
        value={state.value[field]}
        disabled={state.busy}
        spellCheck={false}
        autoComplete="off"
        onChange={event =>
          state.update({ [field]: event.target.value } as Partial<V>)
        }
        onBlur={() => state.touch(field)}
      />
    </FormField>
  );
}

/** Instance type and count, then the IAM role, wired to the form's state. */
export function InstanceAndRoleFields<V extends ILaunchFormValue>(props: {
  state: FormModel<V>;
  idPrefix: string;
  choices: ReadonlyArray<string>;
  /** What to say under the instance type. */
  instanceHint?: string;
  instanceLabel: (id: string) => string;
  trans: TranslationBundle;
}): JSX.Element {
  const { state, idPrefix, choices, instanceHint, instanceLabel, trans } =
    props;
  const value = state.value;
  return (
    <>
      <InstanceFields
        idPrefix={idPrefix}
        choices={choices}
        hint={instanceHint}
        value={value}
        errorOf={key => state.errorOf(key)}
        disabled={state.busy}
        instanceLabel={instanceLabel}
        onChange={patch => state.update(patch as Partial<V>)}
        onBlur={key => state.touch(key)}
        trans={trans}
      />
      <RoleField
        id={`${idPrefix}-role_arn`}
        value={value.role_arn}
        error={state.errorOf('role_arn')}
        disabled={state.busy}
        onChange={role => state.update({ role_arn: role } as Partial<V>)}
        onBlur={() => state.touch('role_arn')}
        trans={trans}
      />
    </>
  );
}
