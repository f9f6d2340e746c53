import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { Code } from '../../components/details/Fields';
import type { IInferenceSpec } from '../../types';
import type { FormState } from '../form';
import type { IDeployFormValue } from '../trainForm';
import { FormField, FormProblems, FormStatus } from './FormField';
import { useSignal } from './hooks';
import { InstanceFields, RoleField } from './InstanceFields';

export interface IDeployFormProps {
  spec: IInferenceSpec;
  state: FormState<IDeployFormValue>;
  idPrefix: string;
  instanceLabel: (id: string) => string;
  trans: TranslationBundle;
}

/** The Deploy dialog's form: endpoint name, instance type and count, role. */
export function DeployForm(props: IDeployFormProps): JSX.Element {
  const { spec, state, idPrefix, instanceLabel, trans } = props;
  useSignal(state.changed);
  const value = state.value;
  const errors = state.errors;
  const disabled = state.busy;
  return (
    <div className="sme-LaunchForm">
      <dl className="sme-LaunchForm-summary">
        <dt>{trans.__('Container')}</dt>
        <dd>
          <Code>{spec.image.uri}</Code>
        </dd>
        <dt>{trans.__('Model artifacts')}</dt>
        <dd>
          <Code>{spec.model_data_uri}</Code>
        </dd>
      </dl>
      <FormField
        id={`${idPrefix}-endpoint_name`}
        label={trans.__('Endpoint name')}
        hint={trans.__(
          'Also the name of the SageMaker model and endpoint configuration: 1 to 63 letters, digits and hyphens.'
        )}
        error={errors.endpoint_name}
        required
      >
        <input
          type="text"
          className="sme-Input sme-mod-code"
          value={value.endpoint_name}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          onChange={event =>
            state.update({ endpoint_name: event.target.value })
          }
          onBlur={() => state.touch('endpoint_name')}
        />
      </FormField>
      <InstanceFields
        idPrefix={idPrefix}
        choices={spec.instance_types}
        value={value}
        errors={errors}
        disabled={disabled}
        instanceLabel={instanceLabel}
        onChange={patch => state.update(patch)}
        onBlur={key => state.touch(key)}
        trans={trans}
      />
      <RoleField
        id={`${idPrefix}-role_arn`}
        value={value.role_arn}
        error={errors.role_arn}
        disabled={disabled}
        onChange={role => state.update({ role_arn: role })}
        onBlur={() => state.touch('role_arn')}
        trans={trans}
      />
      <FormProblems problems={state.general} />
      <FormStatus busy={state.busy} text={state.status} />
    </div>
  );
}
