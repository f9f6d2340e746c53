import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { Vocabulary } from '../common/labels';
import type {
  IContainerImage,
  IHyperparameterSpec,
  IInferenceSpec,
  ITrainingSpec
} from '../api/types';
import { Code, envRows, Fields, Table } from './Fields';

interface ISectionProps<T> {
  spec: T;
  vocabulary: Vocabulary;
  trans: TranslationBundle;
}

/** Everything "Enable training" holds. */
export function TrainingSection(
  props: ISectionProps<ITrainingSpec>
): JSX.Element {
  const { spec, vocabulary, trans } = props;
  return (
    <>
      <SpecFields
        {...props}
        rows={[
          [trans.__('Entry point'), code(spec.entry_point)],
          [trans.__('Training script'), code(spec.script_uri)],
          [trans.__('Training dataset'), code(spec.training_data_uri)],
          [trans.__('Validation dataset'), code(spec.validation_data_uri)],
          [trans.__('Checkpoints'), code(spec.artifacts_uri)],
          [trans.__('Model output path'), code(spec.output_path)],
          [
            trans.__('Network isolation'),
            spec.network_isolation ? trans.__('On') : trans.__('Off')
          ]
        ]}
      />
      <Table
        caption={trans.__('Channels')}
        headers={[trans.__('Name'), trans.__('S3 URI')]}
        rows={spec.channels.map(channel => [
          <Code key="n">{channel.name}</Code>,
          <Code key="u">{channel.uri}</Code>
        ])}
      />
      <Table
        caption={trans.__('Hyperparameters')}
        headers={[
          trans.__('Name'),
          trans.__('Type'),
          trans.__('Valid values'),
          trans.__('Default')
        ]}
        rows={spec.hyperparameters.map(parameter => [
          <Code key="n">{parameter.name}</Code>,
          vocabulary.choice('hyperparameter_types', parameter.type),
          range(parameter, vocabulary, trans),
          <Code key="d">{parameter.default}</Code>
        ])}
      />
      <Table
        caption={trans.__('Metrics')}
        headers={[trans.__('Name'), trans.__('Regular expression')]}
        rows={spec.metrics.map(metric => [
          <Code key="n">{metric.name}</Code>,
          <Code key="r">{metric.regex}</Code>
        ])}
      />
      <EnvironmentTable environment={spec.environment} trans={trans} />
      {spec.tabular ? (
        <Table
          caption={trans.__(
            'Column format (target column: %1)',
            spec.tabular.target_column
          )}
          headers={[trans.__('Column'), trans.__('Type')]}
          rows={spec.tabular.columns.map(column => [
            <Code key="n">{column.name}</Code>,
            vocabulary.choice('column_types', column.type)
          ])}
        />
      ) : null}
    </>
  );
}

/** Everything "Enable deployment" holds. */
export function InferenceSection(
  props: ISectionProps<IInferenceSpec>
): JSX.Element {
  const { spec, trans } = props;
  return (
    <>
      <SpecFields
        {...props}
        rows={[
          [trans.__('Inference script'), code(spec.script_uri)],
          [trans.__('Model artifacts'), code(spec.model_data_uri)]
        ]}
      />
      <EnvironmentTable environment={spec.environment} trans={trans} />
    </>
  );
}

/**
 * A spec's fields: its container, then `rows`, then its instance types (the
 * default marked).
 */
function SpecFields(
  props: ISectionProps<ITrainingSpec | IInferenceSpec> & {
    rows: ReadonlyArray<[string, React.ReactNode]>;
  }
): JSX.Element {
  const { spec, vocabulary, trans } = props;
  return (
    <Fields
      rows={[
        [trans.__('Container'), image(spec.image, vocabulary)],
        ...props.rows,
        [
          trans.__('Instance types'),
          instanceTypes(spec.instance_types, spec.default_instance_type, trans)
        ]
      ]}
    />
  );
}

/** A spec's environment variables. */
function EnvironmentTable(props: {
  environment: Record<string, string>;
  trans: TranslationBundle;
}): JSX.Element {
  const { trans } = props;
  return (
    <Table
      caption={trans.__('Environment variables')}
      headers={[trans.__('Name'), trans.__('Value')]}
      rows={envRows(props.environment)}
    />
  );
}

function code(value: string | null): React.ReactNode {
  return value ? <Code>{value}</Code> : null;
}

function image(value: IContainerImage, vocabulary: Vocabulary): JSX.Element {
  return (
    <>
      {vocabulary.choice('image_sources', value.source)}:{' '}
      <Code>{value.uri}</Code>
    </>
  );
}

function instanceTypes(
  types: string[],
  defaultType: string | null,
  trans: TranslationBundle
): React.ReactNode {
  if (types.length === 0) {
    return null;
  }
  return (
    <ul className="sme-InlineList">
      {types.map(type => (
        <li key={type}>
          <Code>{type}</Code>
          {type === defaultType ? (
            <span className="sme-Muted"> {trans.__('(default)')}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function range(
  parameter: IHyperparameterSpec,
  vocabulary: Vocabulary,
  trans: TranslationBundle
): string {
  switch (parameter.type) {
    case 'integer':
      return trans.__('%1 to %2', parameter.min, parameter.max);
    case 'continuous':
      return trans.__(
        '%1 to %2, %3 scaling',
        parameter.min,
        parameter.max,
        vocabulary.choice('scalings', parameter.scaling)
      );
    case 'categorical':
      return parameter.values.join(', ');
    default:
      return trans.__('Any text');
  }
}
