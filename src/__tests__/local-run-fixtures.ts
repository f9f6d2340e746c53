import type { ILocalRunStatus } from '../local-runs/types';
import type { IEntry, ITrainingSpec } from '../api/types';
import { makeEntry } from './helpers';

/** A tabular model's training, with two channels and a metric. */
export const TABULAR_TRAINING: ITrainingSpec = {
  image: { source: 'dlc', uri: 'img' },
  environment: {},
  script_uri: 's3://b/code/sourcedir.tar.gz',
  entry_point: 'train.py',
  artifacts_uri: null,
  training_data_uri: 's3://b/train/',
  validation_data_uri: 's3://b/validation/',
  output_path: 's3://b/output/',
  network_isolation: false,
  channels: [
    { name: 'train', uri: 's3://b/train/' },
    { name: 'validation', uri: 's3://b/validation/' }
  ],
  hyperparameters: [
    { type: 'integer', name: 'epochs', min: 1, max: 100, default: '10' }
  ],
  instance_types: ['ml.m5.xlarge', 'ml.g5.2xlarge'],
  default_instance_type: 'ml.m5.xlarge',
  metrics: [{ name: 'loss', regex: 'Loss = (.*?);' }],
  tabular: {
    columns: [
      { name: 'age', type: 'numeric' },
      { name: 'churn', type: 'categorical' }
    ],
    target_column: 'churn'
  }
};

export const TABULAR_ENTRY = makeEntry({
  id: 'churn',
  title: 'Churn',
  data_type: 'tabular',
  training: TABULAR_TRAINING
}) as IEntry & { training: ITrainingSpec };

/** `GET /local-runs/{id}` of a run; override any field. */
export function runStatus(
  overrides: Partial<ILocalRunStatus> = {}
): ILocalRunStatus {
  return {
    run_id: 'churn-20261201-101500-123',
    entry_id: 'churn',
    entry_title: 'Churn',
    status: 'running',
    phase: 'training',
    started_at: '2026-12-01T10:15:00Z',
    ended_at: null,
    exit_code: null,
    failure_reason: null,
    run_root: '/runs/churn-20261201-101500-123',
    metrics: { loss: [] },
    model_artifact: null,
    output_artifact: null,
    output_location: null,
    hyperparameters: {
      epochs: '10',
      sagemaker_program: 'train.py',
      sagemaker_submit_directory: '/runs/x/code'
    },
    instance_type: 'ml.m5.xlarge',
    python: '/usr/bin/python3',
    command: ['/usr/bin/python3', '--', 'train.py', '--epochs', '10'],
    requirements_txt: false,
    requirements_installed: false,
    ...overrides
  };
}
