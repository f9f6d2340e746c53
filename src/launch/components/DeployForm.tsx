import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { IInferenceSpec } from '../../api/types';
import type { FormModel } from '../../common/form';
import type { IDeployFormValue } from '../trainForm';
import { FormProblems, FormStatus } from './FormField';
import { useSignal } from './hooks';
import {
  InstanceAndRoleFields,
  LaunchSummary,
  NameField
} from './LaunchFormParts';

export interface IDeployFormProps {
  spec: IInferenceSpec;
  state: FormModel<IDeployFormValue>;
  idPrefix: string;
  instanceLabel: (id: string) => string;
  trans: TranslationBundle;
}

/** The Deploy dialog's form: endpoint name, instance type and count, role. */
export function DeployForm(props: IDeployFormProps): JSX.Element {
  const { spec, state, idPrefix, instanceLabel, trans } = props;
  useSignal(state.changed);
  return (
    <div className="sme-LaunchForm">
      <LaunchSummary
        imageUri={spec.image.uri}
        pathLabel={trans.__('Model artifacts')}
        path={spec.model_data_uri}
        trans={trans}
      />
      <NameField
        state={state}
        field="endpoint_name"
        idPrefix={idPrefix}
        label={trans.__('Endpoint name')}
        hint={trans.__(
          'Also the name of the SageMaker model and endpoint configuration: 1 to 63 letters, digits and hyphens.'
        )}
      />
      <InstanceAndRoleFields
        state={state}
        idPrefix={idPrefix}
        choices={spec.instance_types}
        instanceLabel={instanceLabel}
        trans={trans}
      />
      <FormProblems problems={state.summary} />
      <FormStatus busy={state.busy} text={state.status} />
    </div>
  );
}
