/** Entries and options shaped like the server's, for the wizard's tests. */
import type { IEntry, IOptions, IRules } from '../api/types';
import { DLC } from './launch-fixtures';

export const DLC_URI =
  '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-cpu-py311-ubuntu20.04-sagemaker';

export function modelEntry(overrides: Partial<IEntry> = {}): IEntry {
  return {
    id: 'churn-xgboost',
    kind: 'model',
    title: 'Churn XGBoost',
    description: 'Predicts churn.',
    data_type: 'tabular',
    task: 'tabular-classification',
    framework: 'xgboost',
    keywords: ['churn', 'xgboost'],
    owner: 'alice',
    share: { organization: true, users: ['bob'], canvas_users: ['carol'] },
    training: {
      image: { source: 'dlc', uri: DLC_URI },
      environment: { LOG_LEVEL: 'info' },
      script_uri: 's3://bucket/code/sourcedir.tar.gz',
      entry_point: 'train.py',
      artifacts_uri: null,
      training_data_uri: 's3://bucket/data/train/',
      validation_data_uri: null,
      output_path: 's3://bucket/output/',
      network_isolation: true,
      channels: [{ name: 'train', uri: 's3://bucket/data/train/' }],
      hyperparameters: [
        { name: 'epochs', type: 'integer', min: 1, max: 100, default: '10' },
        {
          name: 'lr',
          type: 'continuous',
          min: 1e-5,
          max: 1,
          scaling: 'logarithmic',
          default: '0.001'
        },
        {
          name: 'optimizer',
          type: 'categorical',
          values: ['adam', 'sgd'],
          default: 'adam'
        },
        { name: 'note', type: 'free-text', default: '' }
      ],
      instance_types: ['ml.m5.xlarge', 'ml.g5.2xlarge'],
      default_instance_type: 'ml.g5.2xlarge',
      metrics: [{ name: 'loss', regex: 'Loss =(.*?);' }],
      tabular: {
        columns: [
          { name: 'age', type: 'numeric' },
          { name: 'churn', type: 'categorical' }
        ],
        target_column: 'churn'
      }
    },
    inference: {
      image: { source: 'ecr', uri: DLC_URI },
      script_uri: null,
      model_data_uri: 's3://bucket/output/model.tar.gz',
      environment: {},
      instance_types: ['ml.m5.large'],
      default_instance_type: 'ml.m5.large'
    },
    notebook: null,
    created_at: '2026-11-21T10:00:00Z',
    updated_at: '2026-11-21T10:00:00Z',
    version: 3,
    ...overrides
  };
}

export function notebookEntry(): IEntry {
  return {
    ...modelEntry(),
    id: 'eda',
    kind: 'notebook',
    title: 'EDA',
    data_type: 'text',
    task: 'text-generation',
    framework: 'pytorch',
    share: { organization: false, users: [], canvas_users: [] },
    training: null,
    inference: null,
    notebook: { s3_uri: 's3://bucket/nb/eda.ipynb' },
    version: 1
  };
}

const choices = (...ids: string[]) => ids.map(id => ({ id, label: id }));

/**
 * The shape of GET /options → rules. The values are the server's to serve:
 * tests change them to show the UI reads them rather than its own copy.
 */
export const RULES: IRules = {
  keywords: { separator_pattern: '[\\s,]', max_count: 50, max_length: 255 },
  id: { pattern: '^[a-z0-9](-*[a-z0-9]){0,62}$', max_length: 63 },
  title: { max_length: 256 },
  description: { max_bytes: 65536 },
  share: {
    max_users: 100,
    max_canvas_users: 23,
    max_user_name_length: 256,
    canvas: { kinds: ['model'], data_types: ['tabular'] }
  },
  page: { max_limit: 200, default_limit: 50, max_exact_total: 1000 },
  search: { max_length: 256 },
  training: {
    min_channels: 1,
    max_channels: 20,
    column_format_data_types: ['tabular']
  },
  statuses: {
    'training-job': { final: ['Completed', 'Failed', 'Stopped'] },
    endpoint: {
      final: ['InService', 'Failed', 'OutOfService', 'UpdateRollbackFailed']
    },
    'local-run': { final: ['completed', 'failed', 'stopped'] }
  },
  local_runs: {
    default_synthetic_rows: 1000,
    max_synthetic_rows: 1000000,
    default_seed: 0,
    default_output: 'shared-models-runs'
  }
};

export const OPTIONS: IOptions = {
  kinds: choices('model', 'notebook'),
  data_types: [
    { id: 'text', label: 'Text' },
    { id: 'image', label: 'Image' },
    { id: 'tabular', label: 'Tabular' },
    { id: 'audio', label: 'Audio' }
  ],
  tasks: {
    text: choices('text-classification', 'text-generation'),
    image: choices('image-classification'),
    tabular: [
      { id: 'tabular-classification', label: 'Tabular classification' },
      { id: 'tabular-regression', label: 'Tabular regression' }
    ],
    audio: choices('speech-recognition')
  },
  frameworks: [
    { id: 'pytorch', label: 'PyTorch' },
    { id: 'xgboost', label: 'XGBoost' }
  ],
  hyperparameter_types: choices(
    'integer',
    'continuous',
    'categorical',
    'free-text'
  ),
  scalings: choices('auto', 'linear', 'logarithmic', 'reverse-logarithmic'),
  column_types: choices('numeric', 'categorical', 'text'),
  image_sources: [
    { id: 'training-job', label: 'Container of an existing training job' },
    { id: 'ecr', label: 'Your own image in ECR' },
    { id: 'dlc', label: 'SageMaker Deep Learning Container' }
  ],
  instance_types: {
    training: [
      {
        id: 'ml.m5.xlarge',
        label: 'ml.m5.xlarge · 4 vCPUs · 16 GiB',
        gpu: false,
        memory_gib: 16,
        vcpus: 4,
        accelerators: 0,
        accelerator: null,
        accelerator_memory_gib: 0
      },
      {
        id: 'ml.g5.2xlarge',
        label: 'ml.g5.2xlarge · 8 vCPUs · 32 GiB · 1 x NVIDIA A10G (24 GiB)',
        gpu: true,
        memory_gib: 32,
        vcpus: 8,
        accelerators: 1,
        accelerator: 'NVIDIA A10G',
        accelerator_memory_gib: 24
      }
    ],
    inference: [
      {
        id: 'ml.m5.large',
        label: 'ml.m5.large · 2 vCPUs · 8 GiB',
        gpu: false,
        memory_gib: 8,
        vcpus: 2,
        accelerators: 0,
        accelerator: null,
        accelerator_memory_gib: 0
      }
    ]
  },
  deep_learning_containers: DLC,
  rules: RULES
};
