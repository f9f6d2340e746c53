import * as React from 'react';

import { ContainerPickerButton } from '../../launch/pickers/ContainerPickerButton';
import type { ImageSource } from '../../api/types';
import { useWizard } from '../context';
import type { IContainerForm } from '../form';
import { SelectField, TextField } from './Field';

export interface IContainerFieldProps {
  section: 'training' | 'inference';
  value: IContainerForm;
  onChange: (value: IContainerForm) => void;
}

const DLC_EXAMPLE =
  '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-cpu-py311-ubuntu20.04-sagemaker';
const ECR_EXAMPLE =
  '123456789012.dkr.ecr.us-east-1.amazonaws.com/my-repository:latest';

/**
 * The container: where the image comes from, and its URI — typed, or chosen
 * with the source's picker (a training job, an ECR image, a Deep Learning
 * Container).
 */
export function ContainerField(props: IContainerFieldProps): JSX.Element {
  const { trans, options } = useWizard();
  const { section, value, onChange } = props;
  // Deployment: your own image or a Deep Learning Container.
  const sources =
    section === 'training'
      ? options.image_sources
      : options.image_sources.filter(choice => choice.id !== 'training-job');
  const hints: Record<string, string> = {
    'training-job': trans.__(
      'The image of an existing training job: choose the job, or type the URI.'
    ),
    ecr: trans.__('Your image in Amazon ECR, e.g. %1', ECR_EXAMPLE),
    dlc: trans.__('A SageMaker Deep Learning Container, e.g. %1', DLC_EXAMPLE)
  };
  return (
    <div className="sme-Container">
      <SelectField
        path={`${section}.image.source`}
        label={trans.__('Container source')}
        required
        value={value.source}
        choices={sources}
        onChange={source =>
          onChange({ ...value, source: source as ImageSource })
        }
      />
      <TextField
        path={`${section}.image.uri`}
        label={trans.__('Container image URI')}
        hint={hints[value.source]}
        required
        value={value.uri}
        placeholder={value.source === 'dlc' ? DLC_EXAMPLE : ECR_EXAMPLE}
        spellCheck={false}
        className="sme-mod-code"
        onChange={uri => onChange({ ...value, uri })}
        actions={
          <ContainerPickerButton
            section={section}
            source={value.source}
            value={value.uri}
            fieldLabel={trans.__('Container image URI')}
            onPick={uri => onChange({ ...value, uri })}
          />
        }
      />
    </div>
  );
}
