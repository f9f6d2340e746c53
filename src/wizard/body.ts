/**
 * The request body of the wizard: `bodyFromForm(form, rules)` (the served
 * rules say whether Canvas users and a column format apply).
 *
 * List rows are sent as they are, empty ones included, so the indexes in the
 * server's error `loc`s are the form's row numbers.
 */
import type {
  ColumnType,
  DataType,
  IEntryInput,
  IHyperparameterSpec,
  IInferenceSpec,
  IRules,
  IShareNotebookInput,
  ITrainingSpec
} from '../api/types';
import {
  canvasAllowed,
  columnFormatShown,
  IEntryForm,
  IHyperparameterRow,
  IInferenceForm,
  IKeyValueRow,
  ITrainingForm,
  splitUsers,
  splitValues
} from './form';

/** The request body (`POST /entries`, `PUT /entries/{id}`) for the form. */
export function bodyFromForm(form: IEntryForm, rules: IRules): IEntryInput {
  const model = form.kind === 'model';
  return {
    id: form.id.trim() || null,
    kind: form.kind,
    title: form.title.trim(),
    description: form.description,
    data_type: form.data_type as DataType,
    task: form.task,
    framework: form.framework,
    // As typed: the server splits and normalises it (the one rule set).
    keywords: form.keywords,
    share: {
      organization: form.share.organization,
      users: splitUsers(form.share.users),
      canvas_users: canvasAllowed(form, rules)
        ? splitUsers(form.share.canvas_users)
        : []
    },
    training:
      model && form.training.enabled
        ? trainingBody(form.training, columnFormatShown(form, rules))
        : null,
    inference:
      model && form.inference.enabled ? inferenceBody(form.inference) : null,
    notebook: model ? null : { s3_uri: form.notebook.s3_uri.trim() }
  };
}

/**
 * The body of `POST /notebooks/share` for the "Share notebook…" form: the
 * workspace path, the destination when one is given (else the server's
 * configured location), and the basic information and sharing.
 */
export function shareBodyFromForm(
  form: IEntryForm,
  rules: IRules
): IShareNotebookInput {
  const entry = bodyFromForm(form, rules);
  const body: IShareNotebookInput = {
    path: form.notebook.path ?? '',
    title: entry.title,
    description: entry.description,
    data_type: entry.data_type,
    task: entry.task,
    framework: entry.framework,
    keywords: entry.keywords,
    share: entry.share
  };
  const destination = form.notebook.s3_uri.trim();
  if (destination) {
    body.s3_uri = destination;
  }
  if (entry.id) {
    body.id = entry.id;
  }
  return body;
}

/** `""` → null; else the trimmed text. */
function optional(text: string): string | null {
  return text.trim() || null;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number typed as text; text that is no number goes as is (the server says why). */
export function numberFrom(text: string): number {
  const trimmed = text.trim();
  return (NUMBER.test(trimmed) ? Number(trimmed) : trimmed) as number;
}

/** Environment rows as the API's object; rows with neither name nor value dropped. */
export function environmentBody(rows: IKeyValueRow[]): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const row of rows) {
    if (row.name.trim() || row.value) {
      environment[row.name.trim()] = row.value;
    }
  }
  return environment;
}

export function hyperparameterBody(
  row: IHyperparameterRow
): IHyperparameterSpec {
  const name = row.name.trim();
  switch (row.type) {
    case 'integer':
      return {
        name,
        type: row.type,
        min: numberFrom(row.min),
        max: numberFrom(row.max),
        default: row.default.trim()
      };
    case 'continuous':
      return {
        name,
        type: row.type,
        min: numberFrom(row.min),
        max: numberFrom(row.max),
        scaling: row.scaling,
        default: row.default.trim()
      };
    case 'categorical':
      return {
        name,
        type: row.type,
        values: splitValues(row.values),
        default: row.default.trim()
      };
    default:
      return { name, type: 'free-text', default: row.default };
  }
}

function trainingBody(form: ITrainingForm, tabular: boolean): ITrainingSpec {
  return {
    image: { source: form.image.source, uri: form.image.uri.trim() },
    environment: environmentBody(form.environment),
    script_uri: optional(form.script_uri),
    entry_point: optional(form.entry_point),
    artifacts_uri: optional(form.artifacts_uri),
    training_data_uri: optional(form.training_data_uri),
    validation_data_uri: optional(form.validation_data_uri),
    output_path: form.output_path.trim(),
    network_isolation: form.network_isolation,
    channels: form.channels.map(row => ({
      name: row.name.trim(),
      uri: row.uri.trim()
    })),
    hyperparameters: form.hyperparameters.map(hyperparameterBody),
    instance_types: [...form.instance_types],
    default_instance_type: form.default_instance_type || null,
    metrics: form.metrics.map(row => ({
      name: row.name.trim(),
      regex: row.regex
    })),
    tabular: tabular
      ? {
          columns: form.tabular.columns.map(column => ({
            name: column.name.trim(),
            type: column.type as ColumnType
          })),
          target_column: form.tabular.target_column
        }
      : null
  };
}

function inferenceBody(form: IInferenceForm): IInferenceSpec {
  return {
    image: { source: form.image.source, uri: form.image.uri.trim() },
    script_uri: optional(form.script_uri),
    model_data_uri: form.model_data_uri.trim(),
    environment: environmentBody(form.environment),
    instance_types: [...form.instance_types],
    default_instance_type: form.default_instance_type || null
  };
}
