/**
 * Client-side checks of the training and deployment sections.
 */
import type { IInferenceForm, IKeyValueRow, ITrainingForm } from './form';
import { groupCount } from './regex';
import { ecrImageProblem } from './uris';
import { checkHyperparameter } from './validateHyperparameter';
import type { Problems } from './validate';

const CHANNEL_NAME = /^[A-Za-z0-9.\-_]{1,64}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkTraining(
  form: ITrainingForm,
  tabular: boolean,
  problems: Problems
): void {
  const { trans } = problems;
  checkImage('training', form.image.uri, problems);
  checkEnvironment('training', form.environment, problems);
  const script = form.script_uri.trim();
  const entry = form.entry_point.trim();
  if (script !== '' && problems.s3('training.script_uri', script)) {
    checkObject('training.script_uri', script, problems);
  }
  if (entry !== '') {
    checkEntryPoint(entry, problems);
  }
  if (entry !== '' && script === '') {
    problems.add(
      'training.script_uri',
      trans.__('A script location is needed with an entry point.')
    );
  }
  if (script !== '' && entry === '') {
    problems.add(
      'training.entry_point',
      trans.__('An entry point is needed with a script location.')
    );
  }
  problems.s3('training.artifacts_uri', form.artifacts_uri);
  problems.s3('training.training_data_uri', form.training_data_uri);
  problems.s3('training.validation_data_uri', form.validation_data_uri);
  problems.s3('training.output_path', form.output_path, true);
  checkChannels(form, problems);
  problems.count('training.hyperparameters', form.hyperparameters.length, 100);
  form.hyperparameters.forEach((row, index) =>
    checkHyperparameter(row, `training.hyperparameters.${index}`, problems)
  );
  problems.unique(
    'training.hyperparameters',
    'name',
    form.hyperparameters.map(row => row.name.trim())
  );
  checkInstanceTypes('training', form.instance_types, problems);
  checkMetrics(form, problems);
  if (tabular) {
    checkTabular(form, problems);
  }
}

export function checkInference(form: IInferenceForm, problems: Problems): void {
  checkImage('inference', form.image.uri, problems);
  const script = form.script_uri.trim();
  if (script !== '' && problems.s3('inference.script_uri', script)) {
    checkObject('inference.script_uri', script, problems);
  }
  const path = 'inference.model_data_uri';
  if (
    problems.s3(path, form.model_data_uri, true) &&
    !form.model_data_uri.trim().endsWith('.tar.gz')
  ) {
    problems.add(
      path,
      problems.trans.__(
        'Must point to a compressed tar file such as s3://bucket/model.tar.gz.'
      )
    );
  }
  checkEnvironment('inference', form.environment, problems);
  checkInstanceTypes('inference', form.instance_types, problems);
}

function checkImage(section: string, uri: string, problems: Problems): void {
  const path = `${section}.image.uri`;
  if (
    problems.required(
      path,
      uri,
      problems.trans.__('Enter the container image URI.')
    )
  ) {
    const problem = ecrImageProblem(uri, problems.trans);
    if (problem) {
      problems.add(path, problem);
    }
  }
}

function checkObject(path: string, uri: string, problems: Problems): void {
  if (uri.endsWith('/') || !uri.slice('s3://'.length).includes('/')) {
    problems.add(
      path,
      problems.trans.__(
        'Must point to a file such as s3://bucket/code/sourcedir.tar.gz.'
      )
    );
  }
}

function checkEntryPoint(entry: string, problems: Problems): void {
  const path = 'training.entry_point';
  const { trans } = problems;
  if (/^[/\\]|^[A-Za-z]:/.test(entry)) {
    problems.add(
      path,
      trans.__(
        'The entry point must be a path relative to the script location.'
      )
    );
  } else if (entry.split(/[/\\]/).some(part => part === '..' || part === '')) {
    problems.add(
      path,
      trans.__(
        'The entry point must be a plain relative path such as src/train.py.'
      )
    );
  } else {
    problems.text(path, entry, 256);
  }
}

function checkEnvironment(
  section: string,
  rows: IKeyValueRow[],
  problems: Problems
): void {
  const table = `${section}.environment`;
  const { trans } = problems;
  const used = rows.filter(row => row.name.trim() !== '' || row.value !== '');
  problems.count(table, used.length, 100);
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (name === '' && row.value === '') {
      return;
    }
    const path = `${table}.${index}`;
    if (name === '') {
      problems.add(
        `${path}.name`,
        trans.__('Enter a name, or remove the row.')
      );
    } else if (!ENV_NAME.test(name) || name.length > 512) {
      problems.add(
        `${path}.name`,
        trans.__(
          "A variable name uses letters, digits and '_', not starting with a digit."
        )
      );
    }
    if (row.value.length > 512) {
      problems.add(
        `${path}.value`,
        trans.__('Use at most %1 characters.', 512)
      );
    }
  });
  problems.unique(
    table,
    'name',
    rows.map(row => row.name.trim())
  );
}

function checkChannels(form: ITrainingForm, problems: Problems): void {
  const { trans } = problems;
  if (form.channels.length === 0) {
    problems.add('training.channels', trans.__('Add at least one channel.'));
  }
  problems.count('training.channels', form.channels.length, 20);
  form.channels.forEach((row, index) => {
    const path = `training.channels.${index}`;
    if (
      problems.required(
        `${path}.name`,
        row.name,
        trans.__('Enter a channel name.')
      )
    ) {
      if (!CHANNEL_NAME.test(row.name.trim())) {
        problems.add(
          `${path}.name`,
          trans.__(
            "A channel name is 1 to 64 letters, digits, '.', '-' or '_'."
          )
        );
      }
    }
    problems.s3(`${path}.uri`, row.uri, true);
  });
  problems.unique(
    'training.channels',
    'name',
    form.channels.map(row => row.name.trim())
  );
}

function checkInstanceTypes(
  section: string,
  types: string[],
  problems: Problems
): void {
  if (types.length === 0) {
    problems.add(
      `${section}.instance_types`,
      problems.trans.__('Choose at least one instance type.')
    );
  }
}

function checkMetrics(form: ITrainingForm, problems: Problems): void {
  const { trans } = problems;
  problems.count('training.metrics', form.metrics.length, 40);
  form.metrics.forEach((row, index) => {
    const path = `training.metrics.${index}`;
    if (
      problems.required(
        `${path}.name`,
        row.name,
        trans.__('Enter a metric name.')
      )
    ) {
      problems.text(`${path}.name`, row.name.trim(), 255);
    }
    if (
      problems.required(
        `${path}.regex`,
        row.regex,
        trans.__('Enter a regular expression.')
      )
    ) {
      if (row.regex.length > 500) {
        problems.add(
          `${path}.regex`,
          trans.__('Use at most %1 characters.', 500)
        );
      }
      const groups = groupCount(row.regex);
      if (groups !== null && groups !== 1) {
        problems.add(
          `${path}.regex`,
          trans.__(
            'The regular expression must have exactly one capture group (it has %1).',
            groups
          )
        );
      }
    }
  });
  problems.unique(
    'training.metrics',
    'name',
    form.metrics.map(row => row.name.trim())
  );
}

function checkTabular(form: ITrainingForm, problems: Problems): void {
  const { trans } = problems;
  const { columns, target_column: target } = form.tabular;
  if (columns.length === 0) {
    problems.add(
      'training.tabular.columns',
      trans.__(
        'Training a tabular model needs the column format: add the columns or paste a CSV header.'
      )
    );
  }
  problems.count('training.tabular.columns', columns.length, 1000);
  columns.forEach((column, index) => {
    const path = `training.tabular.columns.${index}.name`;
    if (
      problems.required(path, column.name, trans.__('Enter a column name.'))
    ) {
      problems.text(path, column.name.trim(), 255);
    }
  });
  const names = columns.map(column => column.name.trim());
  problems.unique('training.tabular.columns', 'name', names);
  if (columns.length > 0) {
    if (!target) {
      problems.add(
        'training.tabular.target_column',
        trans.__('Choose the target column.')
      );
    } else if (!names.includes(target)) {
      problems.add(
        'training.tabular.target_column',
        trans.__("'%1' is not one of the columns.", target)
      );
    }
  }
}
