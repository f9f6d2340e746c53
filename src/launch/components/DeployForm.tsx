import * as React from 'react';

import type { IInferenceSpec } from '../../api/types';
import type { IDeployFormValue } from '../trainForm';
import { useSignal } from './hooks';
import { type ILaunchFormInput, LaunchForm } from './LaunchForm';

export type IDeployFormProps = ILaunchFormInput<
  IInferenceSpec,
  IDeployFormValue
>;

/** The Deploy dialog's form: endpoint name, instance type and count, role. */
export function DeployForm(props: IDeployFormProps): JSX.Element {
  const { spec, state, trans } = props;
  useSignal(state.changed);
  return (
    <LaunchForm
      {...props}
      pathLabel={trans.__('Model artifacts')}
      path={spec.model_data_uri}
      nameField="endpoint_name"
      nameLabel={trans.__('Endpoint name')}
      nameHint={trans.__(
        'Also the name of the SageMaker model and endpoint configuration: 1 to 63 letters, digits and hyphens.'
      )}
    />
  );
}
