/**
 * Which fields the wizard shows for a form, by path (`training.channels.0.uri`),
 * and the value at a path. Server errors are placed on these fields; those
 * naming no visible field go to the summary at the top of the wizard.
 */
import type { IEntryForm, IInferenceForm, ITrainingForm } from './form';

/** Paths of the fields (and of the tables, for list-wide problems) shown for `form`. */
export function visibleFields(form: IEntryForm): Set<string> {
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
    trainingFields(form.training, form.data_type === 'tabular', paths);
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

/** The value at `path` in `form` (undefined when there is none). */
export function valueAt(form: IEntryForm, path: string): unknown {
  let value: unknown = form;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') {
      return undefined;
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
