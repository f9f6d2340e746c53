import * as React from 'react';

import { useWizard } from '../context';
import type { ITrainingForm } from '../form';
import { ChannelsTable } from './ChannelsTable';
import { ColumnFormatEditor } from './ColumnFormatEditor';
import { ContainerField } from './ContainerField';
import { DatasetCheckField } from './DatasetCheckField';
import { CheckboxField, TextField } from './Field';
import { HyperparametersTable } from './HyperparametersTable';
import { InstanceTypesField } from './InstanceTypesField';
import { KeyValueTable } from './KeyValueTable';
import { MetricsTable } from './MetricsTable';
import { S3UriField } from './S3UriField';
import { SubHeading } from './Section';
import { SwitchableSection } from './SwitchableSection';

// Technical examples (identifiers, regexes): not translated.
const EXAMPLE_ENTRY_POINT = 'train.py';

export interface ITrainingProps {
  value: ITrainingForm;
  /** The data type is tabular: the column format and target are needed. */
  tabular: boolean;
  onChange: (patch: Partial<ITrainingForm>) => void;
}

/** "Enable training" and, when on, every training field. */
export function Training(props: ITrainingProps): JSX.Element {
  const { trans, options } = useWizard();
  const { value, tabular, onChange } = props;
  return (
    <SwitchableSection
      name="training"
      formPart="training"
      title={trans.__('Training')}
      description={trans.__(
        'How colleagues train this model from its card: on SageMaker, or locally in the same container contract.'
      )}
      switchLabel={trans.__('Enable training')}
      enabled={value.enabled}
      onEnabledChange={enabled => onChange({ enabled })}
    >
      <SubHeading>{trans.__('Container')}</SubHeading>
      <ContainerField
        section="training"
        value={value.image}
        onChange={image => onChange({ image })}
      />
      <KeyValueTable
        path="training.environment"
        rows={value.environment}
        onChange={environment => onChange({ environment })}
      />

      <SubHeading>{trans.__('Script and data')}</SubHeading>
      <div className="sme-Row">
        <S3UriField
          path="training.script_uri"
          label={trans.__('Training script S3 URI')}
          hint={trans.__(
            'The code to run, e.g. s3://bucket/code/sourcedir.tar.gz.'
          )}
          placeholder={trans.__('s3://bucket/code/sourcedir.tar.gz')}
          value={value.script_uri}
          onChange={uri => onChange({ script_uri: uri })}
        />
        <TextField
          path="training.entry_point"
          label={trans.__('Entry point')}
          hint={trans.__(
            'The script to run, relative to the script location, e.g. train.py.'
          )}
          placeholder={EXAMPLE_ENTRY_POINT}
          spellCheck={false}
          value={value.entry_point}
          onChange={entryPoint => onChange({ entry_point: entryPoint })}
        />
      </div>
      <S3UriField
        path="training.training_data_uri"
        label={trans.__('Training dataset S3 URI')}
        hint={trans.__('The default training dataset.')}
        value={value.training_data_uri}
        onChange={uri => onChange({ training_data_uri: uri })}
      />
      <S3UriField
        path="training.validation_data_uri"
        label={trans.__('Validation dataset S3 URI')}
        hint={trans.__(
          'It must have the same number of columns and the same feature headers as the training dataset.'
        )}
        value={value.validation_data_uri}
        onChange={uri => onChange({ validation_data_uri: uri })}
      />
      <DatasetCheckField
        training={value.training_data_uri}
        validation={value.validation_data_uri}
      />
      <S3UriField
        path="training.output_path"
        label={trans.__('Output path')}
        hint={trans.__(
          'Where SageMaker writes the trained model, as a single compressed tar file.'
        )}
        required
        value={value.output_path}
        onChange={uri => onChange({ output_path: uri })}
      />
      <S3UriField
        path="training.artifacts_uri"
        label={trans.__('Artifacts S3 URI')}
        hint={trans.__(
          'Where the model artifacts produced during training (checkpoints) go.'
        )}
        value={value.artifacts_uri}
        onChange={uri => onChange({ artifacts_uri: uri })}
      />
      <CheckboxField
        path="training.network_isolation"
        label={trans.__('Network isolation')}
        hint={trans.__(
          'The training container can make no inbound or outbound network calls.'
        )}
        checked={value.network_isolation}
        onChange={isolated => onChange({ network_isolation: isolated })}
      />
      <ChannelsTable
        rows={value.channels}
        onChange={channels => onChange({ channels })}
      />
      {tabular ? (
        <ColumnFormatEditor
          columns={value.tabular.columns}
          target={value.tabular.target_column}
          onChange={format => onChange({ tabular: format })}
        />
      ) : null}

      <SubHeading>{trans.__('Hyperparameters and metrics')}</SubHeading>
      <HyperparametersTable
        rows={value.hyperparameters}
        onChange={hyperparameters => onChange({ hyperparameters })}
      />
      <MetricsTable
        rows={value.metrics}
        onChange={metrics => onChange({ metrics })}
        sample={value.sample_log_line}
        onSampleChange={sample => onChange({ sample_log_line: sample })}
      />

      <SubHeading>{trans.__('Compute')}</SubHeading>
      <InstanceTypesField
        section="training"
        choices={options.instance_types.training}
        value={value.instance_types}
        defaultValue={value.default_instance_type}
        onChange={onChange}
      />
    </SwitchableSection>
  );
}
