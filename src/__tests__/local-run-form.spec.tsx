import { Dialog } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';

import { LaunchClient } from '../api/launches';
import { showRunLocallyDialog } from '../local-runs/dialog';
import {
  pythonChoices,
  runFieldKeys,
  runFormValue,
  startLocalRunBody
} from '../local-runs/runForm';
import { userHyperparameters } from '../local-runs/types';
import { trainFormValue } from '../launch/trainForm';
import { TRANSLATION_DOMAIN } from '../tokens';
import { apiPath, ICanned, json, routedSettings, waitFor } from './helpers';
import { TABULAR_ENTRY, TABULAR_TRAINING } from './local-run-fixtures';
import { RULES } from './wizard-fixtures';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

describe('the Run locally form', () => {
  const cases: Array<{
    name: string;
    patch: Partial<ReturnType<typeof runFormValue>>;
    body: Record<string, unknown>;
  }> = [
    {
      name: 'a tabular model: every channel synthetic, rows and seed',
      patch: {},
      body: {
        hyperparameters: { epochs: '10' },
        instance_type: 'ml.m5.xlarge',
        channels: { train: 'synthetic', validation: 'synthetic' },
        synthetic_rows: 1000,
        seed: 0,
        output: 'shared-models-runs'
      }
    },
    {
      name: 'a workspace folder and the entry’s S3 data (left out), no rows',
      patch: {
        channels: {
          train: { source: 'workspace', folder: ' data/train ' },
          validation: { source: 'entry', folder: '' }
        }
      },
      body: {
        hyperparameters: { epochs: '10' },
        instance_type: 'ml.m5.xlarge',
        channels: { train: 'data/train' },
        output: 'shared-models-runs'
      }
    },
    {
      name: 'all from S3, a kernel’s Python, requirements, code, an S3 output',
      patch: {
        channels: {
          train: { source: 'entry', folder: '' },
          validation: { source: 'entry', folder: '' }
        },
        python: 'py311',
        install_requirements: true,
        code: 'src/churn',
        output: 's3://b/runs/',
        instance_type: 'ml.g5.2xlarge',
        hyperparameters: { epochs: '3' }
      },
      body: {
        hyperparameters: { epochs: '3' },
        instance_type: 'ml.g5.2xlarge',
        python: 'py311',
        install_requirements: true,
        code: 'src/churn',
        output: 's3://b/runs/'
      }
    },
    {
      name: 'one synthetic channel with its own rows and seed; no output',
      patch: {
        channels: {
          train: { source: 'synthetic', folder: '' },
          validation: { source: 'workspace', folder: 'val' }
        },
        synthetic_rows: '250',
        seed: '7',
        output: '  '
      },
      body: {
        hyperparameters: { epochs: '10' },
        instance_type: 'ml.m5.xlarge',
        channels: { train: 'synthetic', validation: 'val' },
        synthetic_rows: 250,
        seed: 7
      }
    }
  ];

  it.each(cases)('maps $name', ({ patch, body }) => {
    const value = {
      ...runFormValue(TABULAR_TRAINING, RULES.local_runs),
      ...patch
    };
    expect(startLocalRunBody(value)).toEqual(body);
  });

  it('offers synthetic data only for a tabular model with columns', () => {
    const plain = { ...TABULAR_TRAINING, tabular: null };
    expect(runFormValue(plain, RULES.local_runs).channels).toEqual({
      train: { source: 'entry', folder: '' },
      validation: { source: 'entry', folder: '' }
    });
    expect(
      startLocalRunBody(runFormValue(plain, RULES.local_runs)).channels
    ).toBeUndefined();
  });

  it('starts from the served defaults, and leaves them to the server without', () => {
    const served = {
      ...RULES.local_runs,
      default_synthetic_rows: 42,
      default_seed: 3,
      default_output: 'elsewhere'
    };
    const value = runFormValue(TABULAR_TRAINING, served);
    expect(value).toMatchObject({
      synthetic_rows: '42',
      seed: '3',
      output: 'elsewhere'
    });
    const unknown = runFormValue(TABULAR_TRAINING, null);
    expect(unknown).toMatchObject({ synthetic_rows: '', seed: '', output: '' });
    const body = startLocalRunBody(unknown);
    expect(body.channels).toEqual({
      train: 'synthetic',
      validation: 'synthetic'
    });
    expect(body).not.toHaveProperty('synthetic_rows');
    expect(body).not.toHaveProperty('seed');
    expect(body).not.toHaveProperty('output');
  });

  it('names its fields by the paths of the request body', () => {
    expect(runFieldKeys(TABULAR_TRAINING)).toContain('channels.validation');
    expect(runFieldKeys(TABULAR_TRAINING)).toContain('hyperparameters.epochs');
  });

  it('sends rows and seed that are no number as typed, for the server to explain', () => {
    const value = {
      ...runFormValue(TABULAR_TRAINING, RULES.local_runs),
      synthetic_rows: 'lots'
    };
    expect(startLocalRunBody(value).synthetic_rows).toBe('lots');
  });

  it('gives Train on SageMaker the run’s own hyperparameters only', () => {
    const written = {
      epochs: '3',
      sagemaker_program: 'train.py',
      sagemaker_submit_directory: '/runs/x/code'
    };
    expect(userHyperparameters(written)).toEqual({ epochs: '3' });
    expect(
      trainFormValue(TABULAR_TRAINING, 'j', { ...written, unknown: 'x' })
        .hyperparameters
    ).toEqual({ epochs: '3' });
  });

  it('lists the Python kernels of the server', () => {
    expect(
      pythonChoices({
        kernelspecs: {
          ir: { name: 'ir', display_name: 'R', language: 'R' },
          py311: {
            name: 'py311',
            display_name: 'Python 3.11',
            language: 'python'
          },
          python3: {
            name: 'python3',
            display_name: 'Python 3',
            language: 'python'
          }
        }
      })
    ).toEqual([
      { name: 'python3', label: 'Python 3' },
      { name: 'py311', label: 'Python 3.11' }
    ]);
    expect(pythonChoices(null)).toEqual([]);
  });
});

const dialogNode = () => document.querySelector<HTMLElement>('.jp-Dialog');
const footerButton = (label: string) =>
  Array.from(
    document.querySelectorAll<HTMLButtonElement>('.jp-Dialog-footer button')
  ).find(button => button.textContent?.trim() === label)!;
const byLabel = <T extends HTMLElement = HTMLInputElement>(
  label: string
): T => {
  const node = Array.from(document.querySelectorAll('label')).find(
    item => item.textContent === label
  );
  return document.getElementById(node?.getAttribute('for') ?? '') as T;
};
const radio = (group: string, label: string): HTMLInputElement =>
  Array.from(
    document.querySelectorAll<HTMLElement>(`[aria-label="${group}"] label`)
  )
    .find(node => node.textContent?.startsWith(label))!
    .querySelector('input')!;
const describedBy = (control: HTMLElement): string =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map(id => document.getElementById(id)?.textContent ?? '')
    .join(' ');

function type(input: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto =
    input instanceof HTMLSelectElement
      ? HTMLSelectElement.prototype
      : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
  input.dispatchEvent(
    new Event(input instanceof HTMLSelectElement ? 'change' : 'input', {
      bubbles: true
    })
  );
}

function invalid(details: Array<{ loc: string[]; msg: string }>): ICanned {
  return {
    status: 400,
    body: json({ error: { code: 'invalid', message: 'Invalid run', details } })
  };
}

describe('the Run locally dialog', () => {
  afterEach(() => {
    Dialog.flush();
    document.body.innerHTML = '';
  });

  it('starts prefilled, puts the server’s 400 on its fields, shows a 409, then starts', async () => {
    const answers: ICanned[] = [
      invalid([
        { loc: ['channels', 'validation'], msg: 'no such folder: val' },
        { loc: ['python'], msg: 'no kernel named py311' },
        { loc: ['output'], msg: 'not a folder' },
        { loc: ['hyperparameters', 'epochs'], msg: 'too many for this run' }
      ]),
      {
        status: 409,
        body: json({
          error: {
            code: 'conflict',
            message: '2 local runs are already running.',
            details: [{ loc: [], msg: 'too many local runs at once' }]
          }
        })
      },
      {
        status: 201,
        body: json({ run_id: 'churn-20261201-101500-123', status: 'running' })
      }
    ];
    const posts: Array<{ path: string; body: unknown }> = [];
    const checks: unknown[] = [];
    const { settings } = routedSettings(async (url, request) => {
      const body = await request.clone().json();
      if (url.searchParams.get('dry_run') === 'true') {
        // The dry run as the user types: fine until the real start says not.
        checks.push(body);
        return { status: 200, body: json({ ok: true }) };
      }
      posts.push({ path: apiPath(url), body });
      return answers.shift()!;
    });
    const onStarted = jest.fn();
    const closed = showRunLocallyDialog({
      entry: TABULAR_ENTRY,
      client: new LaunchClient(settings),
      trans,
      pythons: [{ name: 'py311', label: 'Python 3.11' }],
      rules: RULES.local_runs,
      checkDelay: 5,
      onStarted
    });
    await waitFor(() => dialogNode() !== null);
    expect(dialogNode()!.getAttribute('aria-label')).toBe('Run Churn locally');
    await waitFor(() => byLabel('epochs') !== null);
    const instance = byLabel<HTMLSelectElement>(
      'Instance type (sets SM_CURRENT_INSTANCE_TYPE only)'
    );
    expect(instance.value).toBe('ml.m5.xlarge');
    expect(byLabel('epochs').value).toBe('10');
    expect(radio('Source of channel train', 'Synthetic rows').checked).toBe(
      true
    );
    expect(
      radio('Source of channel train', 'Entry’s S3 data').parentElement!
        .textContent
    ).toContain('s3://b/train/');
    expect(byLabel('Rows').value).toBe('1000');
    expect(byLabel('Output folder').value).toBe('shared-models-runs');
    const python = byLabel<HTMLSelectElement>('Python environment');
    expect(Array.from(python.options).map(o => o.textContent)).toEqual([
      'The server’s Python',
      'Python 3.11'
    ]);

    radio('Source of channel validation', 'Workspace folder').click();
    await waitFor(() => byLabel('Workspace folder for validation') !== null);
    type(byLabel('Workspace folder for validation'), 'val');
    type(python, 'py311');
    footerButton('Start local run').click();

    const folder = byLabel('Workspace folder for validation');
    await waitFor(() => folder.getAttribute('aria-invalid') === 'true');
    expect(describedBy(folder)).toContain('no such folder: val');
    expect(describedBy(python)).toContain('no kernel named py311');
    expect(describedBy(byLabel('Output folder'))).toContain('not a folder');
    expect(describedBy(byLabel('epochs'))).toContain('too many for this run');
    expect(posts[0]).toEqual({
      path: 'entries/churn/local-runs',
      body: {
        hyperparameters: { epochs: '10' },
        instance_type: 'ml.m5.xlarge',
        channels: { train: 'synthetic', validation: 'val' },
        synthetic_rows: 1000,
        seed: 0,
        python: 'py311',
        output: 'shared-models-runs'
      }
    });

    // Too many runs: the message shows, the dialog stays open.
    footerButton('Start local run').click();
    await waitFor(() =>
      (document.querySelector('[role="alert"]')?.textContent ?? '').includes(
        '2 local runs are already running.'
      )
    );
    expect(dialogNode()).not.toBeNull();

    footerButton('Start local run').click();
    await closed;
    expect(posts).toHaveLength(3);
    expect(onStarted).toHaveBeenCalledWith({
      run_id: 'churn-20261201-101500-123',
      status: 'running'
    });
  });
});
