import { nullTranslator } from '@jupyterlab/translation';

import {
  choiceFromUri,
  dlcQuery,
  frameworksFor,
  normalizeChoice,
  processorsOf,
  pythonLabel
} from '../launch/dlc';
import {
  exportText,
  freeFileName,
  IContentsSaver,
  saveNewFile
} from '../launch/exportFile';
import { cloudWatchUrl, formatDuration, regionOfArn } from '../launch/format';
import { describeRange, formatNumber } from '../launch/hyperparameters';
import {
  deploymentChoices,
  trainFormValue,
  trainingChoices
} from '../launch/trainForm';
import { dlcTable } from '../launch/types';
import { TRANSLATION_DOMAIN } from '../tokens';
import { DLC } from './launch-fixtures';
import type { IHyperparameterSpec, ITrainingSpec } from '../api/types';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

describe('Deep Learning Container choice', () => {
  it('lists the frameworks that have images for the scope', () => {
    expect(frameworksFor(DLC, 'training').map(f => f.id)).toEqual(['pytorch']);
    expect(frameworksFor(DLC, 'inference').map(f => f.id)).toEqual([
      'pytorch',
      'xgboost'
    ]);
  });

  it('starts from the newest release, CPU, its first Python', () => {
    expect(normalizeChoice(DLC, 'training')).toEqual({
      framework: 'pytorch',
      version: '2.6.0',
      processor: 'cpu',
      python: 'py312'
    });
  });

  it('keeps a choice valid when one part changes', () => {
    // 2.5.1 is built for GPU only, with two Pythons.
    expect(
      normalizeChoice(DLC, 'training', {
        framework: 'pytorch',
        version: '2.5.1',
        processor: 'cpu',
        python: 'py312'
      })
    ).toEqual({
      framework: 'pytorch',
      version: '2.5.1',
      processor: 'gpu',
      python: 'py311'
    });
    expect(
      normalizeChoice(DLC, 'training', { version: '2.5.1', python: 'py310' })
        ?.python
    ).toBe('py310');
    // An unknown framework or version falls back to the first / newest.
    expect(
      normalizeChoice(DLC, 'inference', { framework: 'jax', version: '9' })
    ).toEqual({
      framework: 'pytorch',
      version: '2.6.0',
      processor: 'cpu',
      python: 'py312'
    });
    expect(normalizeChoice({ ...DLC, frameworks: [] }, 'training')).toBeNull();
    expect(processorsOf(undefined)).toEqual([]);
  });

  it('turns a choice into the GET /dlc-image query', () => {
    const choice = normalizeChoice(DLC, 'training', {
      version: '2.5.1',
      processor: 'gpu'
    })!;
    expect(dlcQuery(choice, 'training')).toEqual({
      framework: 'pytorch',
      scope: 'training',
      version: '2.5.1',
      processor: 'gpu',
      python: 'py311'
    });
    expect(dlcQuery(choice, 'inference', 'eu-west-1').region).toBe('eu-west-1');
  });

  it('reads the choice back from a DLC URI (the picker opens on the field’s image)', () => {
    expect(
      choiceFromUri(
        DLC,
        'training',
        '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker'
      )
    ).toEqual({
      framework: 'pytorch',
      version: '2.5.1',
      processor: 'gpu',
      python: 'py311'
    });
    expect(
      choiceFromUri(
        DLC,
        'inference',
        '123456789012.dkr.ecr.us-east-1.amazonaws.com/mine:latest'
      )
    ).toBeNull();
    expect(choiceFromUri(DLC, 'training', 'not a uri')).toBeNull();
    expect(pythonLabel('py311')).toBe('Python 3.11');
    expect(pythonLabel('py3')).toBe('py3');
  });

  it('finds the table in GET /options, or says there is none', () => {
    expect(dlcTable({ deep_learning_containers: DLC })).toBe(DLC);
    expect(dlcTable(null)).toBeNull();
  });
});

const INTEGER: IHyperparameterSpec = {
  type: 'integer',
  name: 'epochs',
  min: 1,
  max: 100,
  default: '10'
};
const CONTINUOUS: IHyperparameterSpec = {
  type: 'continuous',
  name: 'lr',
  min: 0.00001,
  max: 1,
  scaling: 'logarithmic',
  default: '0.001'
};
const CATEGORICAL: IHyperparameterSpec = {
  type: 'categorical',
  name: 'optimizer',
  values: ['adam', 'sgd'],
  default: 'adam'
};
const FREE: IHyperparameterSpec = {
  type: 'free-text',
  name: 'note',
  default: ''
};

describe('hyperparameter hints', () => {
  it('describe each range from the entry', () => {
    expect(describeRange(INTEGER, trans)).toBe('Whole number from 1 to 100');
    expect(describeRange(CATEGORICAL, trans)).toBe('One of: adam, sgd');
  });

  it('writes bounds as numbers read', () => {
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(0.00001)).toBe('0.00001');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(1e21)).toBe('1e+21');
  });
});

const TRAINING: ITrainingSpec = {
  image: {
    source: 'dlc',
    uri: '763104351884.dkr.ecr.us-east-1.amazonaws.com/x:1'
  },
  environment: {},
  script_uri: 's3://b/code/sourcedir.tar.gz',
  entry_point: 'train.py',
  artifacts_uri: null,
  training_data_uri: null,
  validation_data_uri: null,
  output_path: 's3://b/output/',
  network_isolation: false,
  channels: [{ name: 'train', uri: 's3://b/train/' }],
  hyperparameters: [INTEGER, CONTINUOUS, CATEGORICAL, FREE],
  instance_types: ['ml.m5.xlarge', 'ml.g5.2xlarge'],
  default_instance_type: 'ml.g5.2xlarge',
  metrics: [],
  tabular: null
};

describe('the Train and Deploy forms', () => {
  it('start from the entry’s defaults', () => {
    expect(trainFormValue(TRAINING, 'churn-20261121-100000-000')).toEqual({
      job_name: 'churn-20261121-100000-000',
      role_arn: '',
      instance_type: 'ml.g5.2xlarge',
      instance_count: '1',
      hyperparameters: {
        epochs: '10',
        lr: '0.001',
        optimizer: 'adam',
        note: ''
      }
    });
  });

  it('always send the job name shown; the role only when given', () => {
    const value = {
      ...trainFormValue(TRAINING, ' churn-1 '),
      instance_count: '2'
    };
    expect(trainingChoices(value)).toEqual({
      job_name: 'churn-1',
      instance_type: 'ml.g5.2xlarge',
      instance_count: 2,
      hyperparameters: {
        epochs: '10',
        lr: '0.001',
        optimizer: 'adam',
        note: ''
      }
    });
    expect(
      trainingChoices({ ...value, role_arn: ' arn:aws:iam::1:role/R ' })
        .role_arn
    ).toBe('arn:aws:iam::1:role/R');
    expect(
      deploymentChoices({
        endpoint_name: 'churn-ep',
        role_arn: '',
        instance_type: 'ml.m5.large',
        instance_count: '1'
      })
    ).toEqual({
      endpoint_name: 'churn-ep',
      instance_type: 'ml.m5.large',
      instance_count: 1
    });
  });
});

describe('ARNs', () => {
  it('read the region of an ARN', () => {
    expect(
      regionOfArn('arn:aws:sagemaker:eu-west-1:123456789012:training-job/x')
    ).toBe('eu-west-1');
  });
});

describe('export file naming', () => {
  it('takes training_job.json, else the first free training_job-N.json', () => {
    expect(freeFileName([])).toBe('training_job.json');
    expect(freeFileName(['training_job.json'])).toBe('training_job-1.json');
    expect(
      freeFileName(['training_job.json', 'training_job-1.json', 'other.json'])
    ).toBe('training_job-2.json');
    expect(exportText({ a: 1 })).toBe('{\n  "a": 1\n}\n');
  });

  it('saves into the folder without overwriting, even a file created meanwhile', async () => {
    const files = new Set(['work/training_job.json']);
    const saved: Array<{ path: string; content: unknown }> = [];
    const contents = {
      get: jest.fn(async (path: string, options?: { content?: boolean }) => {
        if (path === 'work') {
          // The listing does not know training_job-1.json yet.
          return {
            type: 'directory',
            content: [{ name: 'training_job.json' }]
          };
        }
        if (files.has(path) || path === 'work/training_job-1.json') {
          return { type: 'file', name: path };
        }
        throw Object.assign(new Error('not found'), {
          response: { status: 404 }
        });
      }),
      save: jest.fn(async (path: string, model: { content?: unknown }) => {
        saved.push({ path, content: model.content });
        return { path };
      })
    } as unknown as IContentsSaver;
    const path = await saveNewFile(contents, 'work', '{}\n');
    expect(path).toBe('work/training_job-2.json');
    expect(saved).toEqual([
      { path: 'work/training_job-2.json', content: '{}\n' }
    ]);
    expect(contents.save).toHaveBeenCalledWith('work/training_job-2.json', {
      type: 'file',
      format: 'text',
      content: '{}\n'
    });
  });

  it('saves at the workspace root, and stops on a failure other than 404', async () => {
    const contents = {
      get: jest.fn(async (path: string) => {
        if (path === '') {
          return { type: 'directory', content: [] };
        }
        throw Object.assign(new Error('forbidden'), {
          response: { status: 403 }
        });
      }),
      save: jest.fn()
    } as unknown as IContentsSaver;
    await expect(saveNewFile(contents, '', '{}')).rejects.toThrow('forbidden');
    expect(contents.save).not.toHaveBeenCalled();
  });
});

describe('formatting', () => {
  it('shows durations and the CloudWatch console link of a job', () => {
    expect(formatDuration(59)).toBe('0:59');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(
      cloudWatchUrl('us-east-1', '/aws/sagemaker/TrainingJobs', 'churn-1/')
    ).toBe(
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logStream:group=%2Faws%2Fsagemaker%2FTrainingJobs;prefix=churn-1%2F;streamFilter=typeLogStreamPrefix'
    );
    expect(cloudWatchUrl('cn-north-1', 'g', 'p')).toContain(
      'https://console.amazonaws.cn/'
    );
    expect(cloudWatchUrl('', 'g', 'p')).toBeNull();
  });
});
