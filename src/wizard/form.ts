/**
 * The wizard's form state as plain data, and its conversions to and from
 * the API: `formFromEntry(entry)` (edit) and `bodyFromForm(form, rules)` (submit).
 *
 * Field names follow the API's (snake_case), so a field's path in the form
 * (`training.channels.0.uri`) is the `loc` the server names in its errors.
 * Everything the user types is kept as typed (numbers as text) until
 * `bodyFromForm` (body.ts) builds the request.
 */
import type {
  DataType,
  IEntry,
  IHyperparameterSpec,
  IInferenceSpec,
  ImageSource,
  IRules,
  ITrainingSpec,
  Kind,
  Scaling
} from '../api/types';
import {
  canvasAllowed as mayHaveCanvasUsers,
  hasColumnFormat
} from '../common/servedRules';
import type { IColumnRow } from './columns';

export type { IColumnRow } from './columns';

export type HyperparameterType = IHyperparameterSpec['type'];

/** A name → value row (environment variables). */
export interface IKeyValueRow {
  name: string;
  value: string;
}

export interface IChannelRow {
  name: string;
  uri: string;
}

/** A hyperparameter; the fields its `type` does not use are kept, unused. */
export interface IHyperparameterRow {
  name: string;
  type: HyperparameterType;
  min: string;
  max: string;
  scaling: Scaling;
  /** Categorical: allowed values, comma-separated. */
  values: string;
  default: string;
}

export interface IMetricRow {
  name: string;
  regex: string;
}

export interface IContainerForm {
  source: ImageSource;
  uri: string;
}

export interface ITrainingForm {
  enabled: boolean;
  image: IContainerForm;
  environment: IKeyValueRow[];
  script_uri: string;
  entry_point: string;
  artifacts_uri: string;
  training_data_uri: string;
  validation_data_uri: string;
  output_path: string;
  network_isolation: boolean;
  channels: IChannelRow[];
  hyperparameters: IHyperparameterRow[];
  instance_types: string[];
  default_instance_type: string;
  metrics: IMetricRow[];
  /** The log line "Test regex" runs the metric regexes on (not saved). */
  sample_log_line: string;
  /** Used when the data type is tabular. */
  tabular: { columns: IColumnRow[]; target_column: string };
}

export interface IInferenceForm {
  enabled: boolean;
  image: IContainerForm;
  script_uri: string;
  model_data_uri: string;
  environment: IKeyValueRow[];
  instance_types: string[];
  default_instance_type: string;
}

export interface IEntryForm {
  kind: Kind;
  id: string;
  title: string;
  description: string;
  data_type: DataType | '';
  task: string;
  framework: string;
  /** As typed: `"churn, xgboost"`. */
  keywords: string;
  share: {
    organization: boolean;
    /** User names separated by commas or spaces. */
    users: string;
    canvas_users: string;
  };
  training: ITrainingForm;
  inference: IInferenceForm;
  notebook: INotebookForm;
}

/**
 * Where the notebook is. Adding a notebook names its S3 object; sharing an
 * open notebook (`path` set) uploads the workspace file, and `s3_uri` is the
 * optional destination: an `.ipynb` object or a prefix.
 */
export interface INotebookForm {
  s3_uri: string;
  /** The workspace path of the notebook being shared ("Share notebook…"). */
  path?: string;
}

export function emptyHyperparameter(): IHyperparameterRow {
  return {
    name: '',
    type: 'integer',
    min: '',
    max: '',
    scaling: 'auto',
    values: '',
    default: ''
  };
}

export function emptyTraining(): ITrainingForm {
  return {
    enabled: false,
    image: { source: 'dlc', uri: '' },
    environment: [],
    script_uri: '',
    entry_point: '',
    artifacts_uri: '',
    training_data_uri: '',
    validation_data_uri: '',
    output_path: '',
    network_isolation: false,
    channels: [{ name: 'train', uri: '' }],
    hyperparameters: [],
    instance_types: [],
    default_instance_type: '',
    metrics: [],
    sample_log_line: '',
    tabular: { columns: [], target_column: '' }
  };
}

export function emptyInference(): IInferenceForm {
  return {
    enabled: false,
    image: { source: 'dlc', uri: '' },
    script_uri: '',
    model_data_uri: '',
    environment: [],
    instance_types: [],
    default_instance_type: ''
  };
}

/** The form of a new entry of `kind`. */
export function emptyForm(kind: Kind): IEntryForm {
  return {
    kind,
    id: '',
    title: '',
    description: '',
    data_type: '',
    task: '',
    framework: '',
    keywords: '',
    share: { organization: false, users: '', canvas_users: '' },
    training: emptyTraining(),
    inference: emptyInference(),
    notebook: { s3_uri: '' }
  };
}

/** True when Canvas users may be named: the served rule (`rules.share.canvas`). */
export function canvasAllowed(
  form: IEntryForm,
  rules: Pick<IRules, 'share'>
): boolean {
  return mayHaveCanvasUsers(form, rules.share.canvas);
}

/** True when the training has a column format (`rules.training`). */
export function columnFormatShown(
  form: IEntryForm,
  rules: Pick<IRules, 'training'>
): boolean {
  return hasColumnFormat(form.data_type, rules);
}

/** User names from a comma- or space-separated text, repeats dropped. */
export function splitUsers(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(name => name !== ''))];
}

/** Categorical values from a comma-separated text, trimmed, empty ones dropped. */
export function splitValues(text: string): string[] {
  return text
    .split(',')
    .map(value => value.trim())
    .filter(value => value !== '');
}

/** Strip `.ipynb` from a workspace path's file name: the shared notebook's first title. */
export function titleFromPath(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.ipynb$/i, '').trim() || name;
}

/** The form of "Share notebook…" for the workspace notebook at `path`. */
export function shareForm(path: string): IEntryForm {
  return {
    ...emptyForm('notebook'),
    title: titleFromPath(path),
    notebook: { s3_uri: '', path }
  };
}

/** The form that edits `entry`. */
export function formFromEntry(entry: IEntry): IEntryForm {
  const form = emptyForm(entry.kind);
  return {
    ...form,
    id: entry.id,
    title: entry.title,
    description: entry.description,
    data_type: entry.data_type,
    task: entry.task,
    framework: entry.framework,
    keywords: entry.keywords.join(', '),
    share: {
      organization: entry.share.organization,
      users: entry.share.users.join(', '),
      canvas_users: entry.share.canvas_users.join(', ')
    },
    training: entry.training ? trainingForm(entry.training) : form.training,
    inference: entry.inference
      ? inferenceForm(entry.inference)
      : form.inference,
    notebook: { s3_uri: entry.notebook?.s3_uri ?? '' }
  };
}

function environmentRows(environment: Record<string, string>): IKeyValueRow[] {
  return Object.entries(environment).map(([name, value]) => ({ name, value }));
}

function hyperparameterRow(spec: IHyperparameterSpec): IHyperparameterRow {
  const row = { ...emptyHyperparameter(), name: spec.name, type: spec.type };
  row.default = spec.default ?? '';
  if (spec.type === 'integer' || spec.type === 'continuous') {
    row.min = String(spec.min);
    row.max = String(spec.max);
  }
  if (spec.type === 'continuous') {
    row.scaling = spec.scaling ?? 'auto';
  }
  if (spec.type === 'categorical') {
    row.values = spec.values.join(', ');
  }
  return row;
}

function trainingForm(spec: ITrainingSpec): ITrainingForm {
  return {
    enabled: true,
    image: { ...spec.image },
    environment: environmentRows(spec.environment ?? {}),
    script_uri: spec.script_uri ?? '',
    entry_point: spec.entry_point ?? '',
    artifacts_uri: spec.artifacts_uri ?? '',
    training_data_uri: spec.training_data_uri ?? '',
    validation_data_uri: spec.validation_data_uri ?? '',
    output_path: spec.output_path,
    network_isolation: spec.network_isolation,
    channels: spec.channels.map(channel => ({ ...channel })),
    hyperparameters: spec.hyperparameters.map(hyperparameterRow),
    instance_types: [...spec.instance_types],
    default_instance_type:
      spec.default_instance_type ?? spec.instance_types[0] ?? '',
    metrics: spec.metrics.map(metric => ({ ...metric })),
    sample_log_line: '',
    tabular: spec.tabular
      ? {
          columns: spec.tabular.columns.map(column => ({ ...column })),
          target_column: spec.tabular.target_column
        }
      : { columns: [], target_column: '' }
  };
}

function inferenceForm(spec: IInferenceSpec): IInferenceForm {
  return {
    enabled: true,
    image: { ...spec.image },
    script_uri: spec.script_uri ?? '',
    model_data_uri: spec.model_data_uri,
    environment: environmentRows(spec.environment ?? {}),
    instance_types: [...spec.instance_types],
    default_instance_type:
      spec.default_instance_type ?? spec.instance_types[0] ?? ''
  };
}
