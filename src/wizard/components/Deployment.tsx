import * as React from 'react';

import { useWizard } from '../context';
import type { IInferenceForm } from '../form';
import { ContainerField } from './ContainerField';
import { InstanceTypesField } from './InstanceTypesField';
import { KeyValueTable } from './KeyValueTable';
import { S3UriField } from './S3UriField';
import { SwitchableSection } from './SwitchableSection';

export interface IDeploymentProps {
  value: IInferenceForm;
  onChange: (patch: Partial<IInferenceForm>) => void;
}

/** "Enable deployment" and, when on, the inference environment. */
export function Deployment(props: IDeploymentProps): JSX.Element {
  const { trans, options } = useWizard();
  const { value, onChange } = props;
  return (
    <SwitchableSection
      name="deployment"
      formPart="inference"
      title={trans.__('Deployment')}
      description={trans.__(
        'How colleagues deploy this model to a SageMaker endpoint from its card.'
      )}
      switchLabel={trans.__('Enable deployment')}
      enabled={value.enabled}
      onEnabledChange={enabled => onChange({ enabled })}
    >
      <ContainerField
        section="inference"
        value={value.image}
        onChange={image => onChange({ image })}
      />
      <S3UriField
        path="inference.script_uri"
        label={trans.__('Inference script S3 URI')}
        hint={trans.__(
          'Holds a model-loading function and, optionally, prediction, input and output handlers.'
        )}
        placeholder={trans.__('s3://bucket/code/inference.tar.gz')}
        value={value.script_uri}
        onChange={uri => onChange({ script_uri: uri })}
      />
      <S3UriField
        path="inference.model_data_uri"
        label={trans.__('Model artifacts S3 URI')}
        hint={trans.__(
          'A single compressed tar file (model.tar.gz) holding the trained parameters, the model definition and metadata.'
        )}
        placeholder={trans.__('s3://bucket/output/model.tar.gz')}
        required
        value={value.model_data_uri}
        onChange={uri => onChange({ model_data_uri: uri })}
      />
      <KeyValueTable
        path="inference.environment"
        rows={value.environment}
        onChange={environment => onChange({ environment })}
      />
      <InstanceTypesField
        section="inference"
        choices={options.instance_types.inference}
        value={value.instance_types}
        defaultValue={value.default_instance_type}
        onChange={onChange}
      />
    </SwitchableSection>
  );
}
