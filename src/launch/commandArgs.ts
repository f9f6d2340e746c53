/** The arguments of the launch commands: their schemas, and reading them. */
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import type { ITrainingChoices } from './types';

export const TRAIN_ARGS = {
  args: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The ID of the catalog entry' },
      hyperparameters: {
        type: 'object',
        description: 'Hyperparameter name → value to start from'
      }
    },
    required: ['id']
  }
} as const;

export const EXPORT_ARGS = {
  args: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The ID of the catalog entry' },
      job_name: { type: 'string', description: 'The training job name' },
      role_arn: { type: 'string', description: 'The IAM execution role' },
      instance_type: { type: 'string' },
      instance_count: { type: 'number' },
      hyperparameters: {
        type: 'object',
        description: 'Hyperparameter name → value'
      }
    },
    required: ['id']
  }
} as const;

export const VIEW_ARGS = {
  args: {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['training-job', 'endpoint', 'local-run'] },
      name: {
        type: 'string',
        description: 'The job or endpoint name, or the local run id'
      }
    },
    required: ['kind', 'name']
  }
} as const;

/** The launch choices of a command's arguments. */
export function choicesFromArgs(
  args: ReadonlyPartialJSONObject
): ITrainingChoices {
  const choices: ITrainingChoices = {};
  for (const key of ['job_name', 'role_arn', 'instance_type'] as const) {
    if (typeof args[key] === 'string' && args[key]) {
      choices[key] = args[key] as string;
    }
  }
  if (typeof args.instance_count === 'number') {
    choices.instance_count = args.instance_count;
  }
  const hyperparameters = args.hyperparameters;
  if (hyperparameters && typeof hyperparameters === 'object') {
    choices.hyperparameters = Object.fromEntries(
      Object.entries(hyperparameters).map(([name, value]) => [
        name,
        String(value)
      ])
    );
  }
  return choices;
}
