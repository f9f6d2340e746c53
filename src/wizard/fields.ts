/**
 * Which fields the wizard shows for a form, by path (`training.channels.0.uri`),
 * where a whole object's problem shows, and how a detail naming an
 * environment variable finds its row. Server errors are placed on these
 * fields (src/common/form); those naming no visible field go to the summary
 * at the top of the wizard.
 */
import type { IRules } from '../api/types';
import type { Loc } from '../common/form';
import {
  columnFormatShown,
  IEntryForm,
  IInferenceForm,
  IKeyValueRow,
  ITrainingForm
} from './form';

/** Where a whole object's problem shows: on its main field. */
export const ALIASES: Readonly<Record<string, string>> = {
  training: 'training.enabled',
  inference: 'inference.enabled',
  notebook: 'notebook.s3_uri',
  // POST /notebooks/share names its own fields at the top level.
  s3_uri: 'notebook.s3_uri',
  path: 'notebook.path',
  'training.image': 'training.image.uri',
  'inference.image': 'inference.image.uri',
  'training.tabular': 'training.tabular.columns'
};

/**
 * Environment variables are an object in the API, whose `loc` names the
 * variable: `["training", "environment", "MY VAR", "[key]"]` → the row of
 * `MY VAR`'s name; `[…, "MY_VAR"]` → its value; an unknown one → the table.
 */
export function resolveEnvironment(loc: Loc, form: IEntryForm): Loc {
  const [section, field, key, ...rest] = loc;
  if (
    (section !== 'training' && section !== 'inference') ||
    field !== 'environment' ||
    typeof key !== 'string'
  ) {
    return loc;
  }
  const rows: IKeyValueRow[] = form[section].environment;
  const index = rows.findIndex(row => row.name.trim() === key);
  if (index < 0) {
    return [section, field];
  }
  return [section, field, index, rest[0] === '[key]' ? 'name' : 'value'];
}

/** Paths of the fields (and of the tables, for list-wide problems) shown for `form`. */
export function visibleFields(
  form: IEntryForm,
  rules: Pick<IRules, 'training'>
): Set<string> {
  const paths = new Set<string>([
    'id',
    'title',
    'description',
    'data_type',
    'task',
    'framework',
    'keywords',
    'share.organization',
    'share.users',
    'share.canvas_users'
  ]);
  if (form.kind === 'notebook') {
    paths.add('notebook.s3_uri');
    if (form.notebook.path !== undefined) {
      paths.add('notebook.path');
    }
    return paths;
  }
  // The switches stand for their whole section (e.g. "only models can be trained").
  paths.add('training.enabled');
  paths.add('inference.enabled');
  if (form.training.enabled) {
    trainingFields(form.training, columnFormatShown(form, rules), paths);
  }
  if (form.inference.enabled) {
    inferenceFields(form.inference, paths);
  }
  return paths;
}

function rows(
  paths: Set<string>,
  table: string,
  count: number,
  columns: readonly string[]
): void {
  paths.add(table);
  for (let index = 0; index < count; index++) {
    for (const column of columns) {
      paths.add(`${table}.${index}.${column}`);
    }
  }
}

function trainingFields(
  training: ITrainingForm,
  tabular: boolean,
  paths: Set<string>
): void {
  for (const name of [
    'image.source',
    'image.uri',
    'script_uri',
    'entry_point',
    'artifacts_uri',
    'training_data_uri',
    'validation_data_uri',
    'output_path',
    'network_isolation',
    'instance_types',
    'default_instance_type'
  ]) {
    paths.add(`training.${name}`);
  }
  rows(paths, 'training.environment', training.environment.length, [
    'name',
    'value'
  ]);
  rows(paths, 'training.channels', training.channels.length, ['name', 'uri']);
  rows(paths, 'training.metrics', training.metrics.length, ['name', 'regex']);
  paths.add('training.hyperparameters');
  training.hyperparameters.forEach((row, index) => {
    const prefix = `training.hyperparameters.${index}`;
    const columns = ['name', 'type', 'default'];
    if (row.type === 'integer' || row.type === 'continuous') {
      columns.push('min', 'max');
    }
    if (row.type === 'continuous') {
      columns.push('scaling');
    }
    if (row.type === 'categorical') {
      columns.push('values');
    }
    for (const column of columns) {
      paths.add(`${prefix}.${column}`);
    }
  });
  if (tabular) {
    rows(paths, 'training.tabular.columns', training.tabular.columns.length, [
      'name',
      'type'
    ]);
    paths.add('training.tabular.target_column');
  }
}

function inferenceFields(inference: IInferenceForm, paths: Set<string>): void {
  for (const name of [
    'image.source',
    'image.uri',
    'script_uri',
    'model_data_uri',
    'instance_types',
    'default_instance_type'
  ]) {
    paths.add(`inference.${name}`);
  }
  rows(paths, 'inference.environment', inference.environment.length, [
    'name',
    'value'
  ]);
}
