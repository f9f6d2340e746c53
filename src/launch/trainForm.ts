/**
 * The Train and Deploy forms: their values, the request bodies they give and
 * their field paths (where the server's details land). No rule lives here:
 * the server checks every field (as the user types, with `?dry_run=true`).
 * Pure (no widgets), so tests can cover them.
 */
import type { IInferenceSpec, ITrainingSpec } from '../api/types';
import { numberOrText } from '../common/form';
import { defaultValues } from './hyperparameters';
import type { IDeploymentChoices, ITrainingChoices } from './types';

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

/**
 * The Deploy form of an entry, with the given endpoint name (the server's
 * default name, `GET /entries/{id}/launch-names`; '' until it arrives).
 */
export function deployFormValue(
  spec: IInferenceSpec,
  endpointName = ''
): IDeployFormValue {
  return {
    endpoint_name: endpointName,
    role_arn: '',
    instance_type: spec.default_instance_type ?? spec.instance_types[0] ?? '',
    instance_count: '1'
  };
}

/**
 * The launch body (and export query) of a Train form: always the job name
 * the user saw, every hyperparameter's value, the role only when given.
 */
export function trainingChoices(value: ITrainFormValue): ITrainingChoices {
  const choices: ITrainingChoices = {
    job_name: value.job_name.trim(),
    instance_type: value.instance_type,
    instance_count: numberOrText(value.instance_count),
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
    instance_count: numberOrText(value.instance_count)
  };
  const role = value.role_arn.trim();
  if (role) {
    choices.role_arn = role;
  }
  return choices;
}

/** The paths of the Train form's fields (where server details land). */
export function trainFieldKeys(spec: ITrainingSpec): Set<string> {
  return new Set([
    'job_name',
    'role_arn',
    'instance_type',
    'instance_count',
    ...spec.hyperparameters.map(item => `hyperparameters.${item.name}`)
  ]);
}

/** The paths of the Deploy form's fields. */
export const DEPLOY_FIELD_KEYS: ReadonlySet<string> = new Set([
  'endpoint_name',
  'role_arn',
  'instance_type',
  'instance_count'
]);
