/**
 * The Train and Deploy forms: their values, client-side checks and the
 * request bodies they give. Pure (no widgets), so tests can cover them.
 */
import type { TranslationBundle } from '@jupyterlab/translation';

import type { IInferenceSpec, ITrainingSpec } from '../api/types';
import { checkHyperparameterValue, defaultValues } from './hyperparameters';
import { defaultName, isValidName, isValidRoleArn } from './names';
import type { FieldErrors } from './form';
import type { IDeploymentChoices, ITrainingChoices } from './types';

export const MIN_INSTANCE_COUNT = 1;
export const MAX_INSTANCE_COUNT = 100;

/** What the Train dialog holds (as typed). */
export interface ITrainFormValue {
  job_name: string;
  /** Empty: the server's `sagemaker_role_arn`. */
  role_arn: string;
  instance_type: string;
  instance_count: string;
  hyperparameters: Record<string, string>;
}

/** What the Deploy dialog holds (as typed). */
export interface IDeployFormValue {
  endpoint_name: string;
  role_arn: string;
  instance_type: string;
  instance_count: string;
}

/** The Train form of an entry: its defaults, and the given job name. */
export function trainFormValue(
  spec: ITrainingSpec,
  jobName: string,
  hyperparameters: Readonly<Record<string, string>> = {}
): ITrainFormValue {
  return {
    job_name: jobName,
    role_arn: '',
    instance_type: spec.default_instance_type ?? spec.instance_types[0] ?? '',
    instance_count: '1',
    hyperparameters: {
      ...defaultValues(spec.hyperparameters),
      ...knownValues(spec, hyperparameters)
    }
  };
}

/** The values of `hyperparameters` that the entry declares. */
function knownValues(
  spec: ITrainingSpec,
  hyperparameters: Readonly<Record<string, string>>
): Record<string, string> {
  const names = new Set(spec.hyperparameters.map(item => item.name));
  return Object.fromEntries(
    Object.entries(hyperparameters).filter(([name]) => names.has(name))
  );
}

/** The Deploy form of an entry, with a fresh endpoint name. */
export function deployFormValue(
  entryId: string,
  spec: IInferenceSpec,
  now: Date = new Date()
): IDeployFormValue {
  return {
    endpoint_name: defaultName(entryId, now),
    role_arn: '',
    instance_type: spec.default_instance_type ?? spec.instance_types[0] ?? '',
    instance_count: '1'
  };
}

function checkCommon(
  value: { role_arn: string; instance_count: string; instance_type: string },
  instanceTypes: ReadonlyArray<string>,
  trans: TranslationBundle,
  problems: FieldErrors
): void {
  const role = value.role_arn.trim();
  if (role && !isValidRoleArn(role)) {
    problems.role_arn = trans.__(
      'An IAM role ARN looks like arn:aws:iam::123456789012:role/MyRole.'
    );
  }
  const count = value.instance_count.trim();
  if (
    !/^[0-9]+$/.test(count) ||
    Number(count) < MIN_INSTANCE_COUNT ||
    Number(count) > MAX_INSTANCE_COUNT
  ) {
    problems.instance_count = trans.__(
      'Enter a whole number between %1 and %2.',
      MIN_INSTANCE_COUNT,
      MAX_INSTANCE_COUNT
    );
  }
  if (!instanceTypes.includes(value.instance_type)) {
    problems.instance_type = trans.__('Choose one of the instance types.');
  }
}

function checkName(name: string, trans: TranslationBundle): string | null {
  if (!name.trim()) {
    return trans.__('Enter a name.');
  }
  return isValidName(name.trim())
    ? null
    : trans.__(
        'Use 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.'
      );
}

/** The Train form's problems, by field key (`hyperparameters.<name>` for each). */
export function checkTrainForm(
  value: ITrainFormValue,
  spec: ITrainingSpec,
  trans: TranslationBundle
): FieldErrors {
  const problems: FieldErrors = {};
  const name = checkName(value.job_name, trans);
  if (name) {
    problems.job_name = name;
  }
  checkCommon(value, spec.instance_types, trans, problems);
  for (const hyperparameter of spec.hyperparameters) {
    const problem = checkHyperparameterValue(
      hyperparameter,
      value.hyperparameters[hyperparameter.name] ?? hyperparameter.default,
      trans
    );
    if (problem) {
      problems[`hyperparameters.${hyperparameter.name}`] = problem;
    }
  }
  return problems;
}

/** The Deploy form's problems, by field key. */
export function checkDeployForm(
  value: IDeployFormValue,
  spec: IInferenceSpec,
  trans: TranslationBundle
): FieldErrors {
  const problems: FieldErrors = {};
  const name = checkName(value.endpoint_name, trans);
  if (name) {
    problems.endpoint_name = name;
  }
  checkCommon(value, spec.instance_types, trans, problems);
  return problems;
}

/**
 * The launch body (and export query) of a Train form: always the job name
 * the user saw, every hyperparameter's value, the role only when given.
 */
export function trainingChoices(value: ITrainFormValue): ITrainingChoices {
  const choices: ITrainingChoices = {
    job_name: value.job_name.trim(),
    instance_type: value.instance_type,
    instance_count: Number(value.instance_count.trim()),
    hyperparameters: { ...value.hyperparameters }
  };
  const role = value.role_arn.trim();
  if (role) {
    choices.role_arn = role;
  }
  return choices;
}

/** The body of `POST /entries/{id}/deployments` of a Deploy form. */
export function deploymentChoices(value: IDeployFormValue): IDeploymentChoices {
  const choices: IDeploymentChoices = {
    endpoint_name: value.endpoint_name.trim(),
    instance_type: value.instance_type,
    instance_count: Number(value.instance_count.trim())
  };
  const role = value.role_arn.trim();
  if (role) {
    choices.role_arn = role;
  }
  return choices;
}

/** The keys of the Train form's fields (where server details may land). */
export function trainFieldKeys(spec: ITrainingSpec): string[] {
  return [
    'job_name',
    'role_arn',
    'instance_type',
    'instance_count',
    ...spec.hyperparameters.map(item => `hyperparameters.${item.name}`)
  ];
}

export const DEPLOY_FIELD_KEYS: ReadonlyArray<string> = [
  'endpoint_name',
  'role_arn',
  'instance_type',
  'instance_count'
];
