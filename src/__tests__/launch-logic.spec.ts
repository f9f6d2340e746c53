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
import { FormState, placeDetails } from '../launch/form';
import { cloudWatchUrl, formatDuration } from '../launch/format';
import {
  checkHyperparameterValue,
  checkHyperparameters,
  formatNumber
} from '../launch/hyperparameters';
import {
  defaultName,
  isValidName,
  isValidRoleArn,
  regionOfArn
} from '../launch/names';
import {
  checkDeployForm,
  checkTrainForm,
  deploymentChoices,
  trainFieldKeys,
  trainFormValue,
  trainingChoices
} from '../launch/trainForm';
import { dlcTable } from '../launch/types';
import { TRANSLATION_DOMAIN } from '../tokens';
import { DLC } from './launch-fixtures';
import type {
  IHyperparameterSpec,
  IInferenceSpec,
  ITrainingSpec
} from '../api/types';

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
    expect(dlcTable({})).toBeNull();
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

describe('hyperparameter checks (the server’s check() rules)', () => {
  it.each([
    ['10', null],
    ['1', null],
    ['100', null],
    ['+5', null],
    ['0', 'Enter a whole number between 1 and 100.'],
    ['101', 'Enter a whole number between 1 and 100.'],
    ['2.5', 'Enter a whole number between 1 and 100.'],
    ['1e1', 'Enter a whole number between 1 and 100.'],
    [' 5', 'Enter a whole number between 1 and 100.'],
    ['', 'Enter a whole number between 1 and 100.']
  ])('integer %p', (value, problem) => {
    expect(checkHyperparameterValue(INTEGER, value, trans)).toBe(problem);
  });

  it.each([
    ['0.001', null],
    ['1', null],
    ['1e-5', null],
    ['.5', null],
    ['1.', null],
    ['0', 'Enter a number between 0.00001 and 1.'],
    ['1.5', 'Enter a number between 0.00001 and 1.'],
    ['abc', 'Enter a number between 0.00001 and 1.'],
    ['Infinity', 'Enter a number between 0.00001 and 1.'],
    ['0x1', 'Enter a number between 0.00001 and 1.']
  ])('continuous %p', (value, problem) => {
    expect(checkHyperparameterValue(CONTINUOUS, value, trans)).toBe(problem);
  });

  it('categorical values must be among the allowed ones; free text has no line breaks', () => {
    expect(checkHyperparameterValue(CATEGORICAL, 'sgd', trans)).toBeNull();
    expect(checkHyperparameterValue(CATEGORICAL, 'SGD', trans)).toBe(
      'Choose one of: adam, sgd.'
    );
    expect(checkHyperparameterValue(FREE, 'any text at all', trans)).toBeNull();
    expect(checkHyperparameterValue(FREE, 'two\nlines', trans)).toBe(
      'Must not contain line breaks or other control characters.'
    );
    expect(checkHyperparameterValue(FREE, 'x'.repeat(2501), trans)).toBe(
      'Use at most 2500 characters.'
    );
  });

  it('checks every value of a form, defaults for the missing ones', () => {
    expect(
      checkHyperparameters(
        [INTEGER, CONTINUOUS, CATEGORICAL],
        { epochs: '500', optimizer: 'adam' },
        trans
      )
    ).toEqual({ epochs: 'Enter a whole number between 1 and 100.' });
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

const INFERENCE: IInferenceSpec = {
  image: {
    source: 'ecr',
    uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/i:1'
  },
  script_uri: null,
  model_data_uri: 's3://b/output/model.tar.gz',
  environment: {},
  instance_types: ['ml.m5.large'],
  default_instance_type: null
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

  it('check names, role, count, instance type and every hyperparameter', () => {
    const value = {
      ...trainFormValue(TRAINING, '-bad-'),
      role_arn: 'SageMakerRole',
      instance_count: '0',
      instance_type: 'ml.p5.48xlarge',
      hyperparameters: {
        epochs: '1000',
        lr: '0.01',
        optimizer: 'adam',
        note: ''
      }
    };
    expect(Object.keys(checkTrainForm(value, TRAINING, trans)).sort()).toEqual([
      'hyperparameters.epochs',
      'instance_count',
      'instance_type',
      'job_name',
      'role_arn'
    ]);
    expect(
      checkTrainForm(trainFormValue(TRAINING, 'ok-1'), TRAINING, trans)
    ).toEqual({});
    expect(
      checkDeployForm(
        {
          endpoint_name: '',
          role_arn: 'arn:aws:iam::123456789012:role/SageMakerRole',
          instance_type: 'ml.m5.large',
          instance_count: '101'
        },
        INFERENCE,
        trans
      )
    ).toEqual({
      endpoint_name: 'Enter a name.',
      instance_count: 'Enter a whole number between 1 and 100.'
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

  it('place the server’s 400 details on their fields, the rest above the buttons', () => {
    const placed = placeDetails(
      [
        {
          loc: ['hyperparameters', 'epochs'],
          msg: 'epochs must be an integer between 1 and 100'
        },
        { loc: ['role_arn'], msg: 'choose the IAM execution role' },
        { loc: ['training', 'channels'], msg: 'rename the code channel' }
      ],
      trainFieldKeys(TRAINING)
    );
    expect(placed.fields).toEqual({
      'hyperparameters.epochs': 'epochs must be an integer between 1 and 100',
      role_arn: 'choose the IAM execution role'
    });
    expect(placed.general).toEqual([
      'training.channels: rename the code channel'
    ]);
  });

  it('show problems on touched fields, all after a submit; server problems until the field changes', () => {
    const state = new FormState({
      value: { name: '', count: '1' },
      check: (value): Record<string, string> =>
        value.name ? {} : { name: 'Enter a name.' }
    });
    const changed = jest.fn();
    state.changed.connect(changed);
    expect(state.errors).toEqual({});
    state.touch('name');
    expect(state.errors).toEqual({ name: 'Enter a name.' });
    state.update({ name: 'x' });
    expect(state.errors).toEqual({});
    expect(state.submit()).toBe(true);
    state.setServerErrors({ name: 'taken' }, ['AccessDenied']);
    expect(state.errors).toEqual({ name: 'taken' });
    expect(state.general).toEqual(['AccessDenied']);
    state.update({ count: '2' });
    expect(state.errors).toEqual({ name: 'taken' });
    state.update({ name: 'y' });
    expect(state.errors).toEqual({});
    expect(changed).toHaveBeenCalled();
  });
});

describe('names', () => {
  it('default to <entry id>-<UTC timestamp>, at most 63 characters, as the server does', () => {
    const now = new Date(Date.UTC(2026, 10, 21, 10, 0, 5, 7));
    expect(defaultName('churn', now)).toBe('churn-20261121-100005-007');
    const long = defaultName('a'.repeat(40) + '-b'.repeat(20), now);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(isValidName(long)).toBe(true);
    // A stem cut at a hyphen loses it.
    expect(defaultName('a'.repeat(42) + '-xyz', now)).toBe(
      'a'.repeat(42) + '-20261121-100005-007'
    );
  });

  it('check SageMaker names and role ARNs', () => {
    expect(isValidName('churn-1')).toBe(true);
    expect(isValidName('-churn')).toBe(false);
    expect(isValidName('a'.repeat(64))).toBe(false);
    expect(isValidRoleArn('arn:aws:iam::123456789012:role/SageMakerRole')).toBe(
      true
    );
    expect(isValidRoleArn('arn:aws:iam::123:role/x')).toBe(false);
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
