import { Dialog } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';
import type { Widget } from '@lumino/widgets';
import * as React from 'react';

import { LaunchClient } from '../api/launches';
import { LaunchesSection } from '../launch/components/LaunchesSection';
import { TrainingJobView } from '../launch/components/TrainingJobView';
import { showDeployDialog, showTrainDialog } from '../launch/dialogs';
import { LaunchesModel } from '../launch/launchesModel';
import { pickContainerImage } from '../launch/pickers';
import { StatusPoll } from '../common/statusPoll';
import type { ITrainingJobStatus } from '../launch/types';
import { TRANSLATION_DOMAIN } from '../tokens';
import type { IEntry, IInferenceSpec, ITrainingSpec } from '../api/types';
import {
  apiPath,
  ICanned,
  json,
  makeEntry,
  routedSettings,
  waitFor
} from './helpers';
import { DLC } from './launch-fixtures';
import { mount } from './render';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

const TRAINING: ITrainingSpec = {
  image: {
    source: 'dlc',
    uri: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-cpu-py312-ubuntu22.04-sagemaker'
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
  hyperparameters: [
    { type: 'integer', name: 'epochs', min: 1, max: 100, default: '10' },
    {
      type: 'categorical',
      name: 'optimizer',
      values: ['adam', 'sgd'],
      default: 'adam'
    }
  ],
  instance_types: ['ml.m5.xlarge', 'ml.g5.2xlarge'],
  default_instance_type: 'ml.m5.xlarge',
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
  default_instance_type: 'ml.m5.large'
};

const ENTRY = makeEntry({
  id: 'churn',
  title: 'Churn',
  training: TRAINING,
  inference: INFERENCE
}) as IEntry & { training: ITrainingSpec; inference: IInferenceSpec };

/** `GET /entries/churn/launch-names`. */
const NAMES = {
  training_job: 'churn-20261121-100000-123',
  endpoint: 'churn-20261121-100000-124'
};

const REQUEST = {
  TrainingJobName: 'churn-20261121-100000-000',
  HyperParameters: { epochs: '10', sagemaker_program: 'train.py' },
  AlgorithmSpecification: {
    TrainingImage: TRAINING.image.uri,
    TrainingInputMode: 'File'
  },
  RoleArn: ROLE
};

const dialogNode = () => document.querySelector<HTMLElement>('.jp-Dialog');
const footerButton = (label: string) =>
  Array.from(
    document.querySelectorAll<HTMLButtonElement>('.jp-Dialog-footer button')
  ).find(button => button.textContent?.trim() === label)!;
const byLabel = <T extends HTMLElement = HTMLInputElement>(
  label: string
): T => {
  const labelNode = Array.from(document.querySelectorAll('label')).find(
    node => node.textContent === label
  );
  const id = labelNode?.getAttribute('for');
  return document.getElementById(id ?? '') as T;
};
const describedBy = (control: HTMLElement): string =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map(id => document.getElementById(id)?.textContent ?? '')
    .join(' ');

/** Type into a React-controlled input. */
function type(
  input: HTMLInputElement | HTMLSelectElement,
  value: string
): void {
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

describe('LaunchClient', () => {
  it('sends each route its query and body', async () => {
    const { settings, requests } = routedSettings(() => ({
      status: 200,
      body: '{}'
    }));
    const client = new LaunchClient(settings);
    await client.trainingJobs({
      name_contains: 'churn',
      limit: 20,
      cursor: null
    });
    await client.ecrRepositories();
    await client.ecrImages('team/churn');
    await client.dlcImage({
      framework: 'pytorch',
      scope: 'training',
      version: '2.6.0',
      processor: 'gpu',
      python: 'py312'
    });
    await client.trainingJobRequest('churn', {
      job_name: 'j-1',
      role_arn: ROLE,
      hyperparameters: { epochs: '20' }
    });
    await client.startTrainingJob('churn', { job_name: 'j-1', role_arn: '' });
    await client.trainingJob('j-1');
    await client.stopTrainingJob('j-1');
    await client.deploy('churn', { endpoint_name: 'e-1', instance_count: 1 });
    await client.deployment('e-1');
    await client.launches({ kind: 'endpoint', limit: 5 });
    const urls = requests.map(request => {
      const url = new URL(request.url);
      // (JupyterLab adds a cache-busting number to POST URLs.)
      const search = request.method === 'GET' ? url.search : '';
      return `${request.method} ${apiPath(url)}${search}`;
    });
    expect(urls).toEqual([
      'GET training-jobs?name_contains=churn&limit=20',
      'GET ecr/images',
      'GET ecr/images?repository=team%2Fchurn',
      'GET dlc-image?framework=pytorch&scope=training&version=2.6.0&processor=gpu&python=py312',
      'GET entries/churn/training-job-request?job_name=j-1&role_arn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FSageMakerRole&hyperparameters=%7B%22epochs%22%3A%2220%22%7D',
      'POST entries/churn/training-jobs',
      'GET training-jobs/j-1',
      'POST training-jobs/j-1/stop',
      'POST entries/churn/deployments',
      'GET deployments/e-1',
      'GET launches?kind=endpoint&limit=5'
    ]);
    // An empty role is left out: the server's default applies.
    expect(await requests[5].clone().json()).toEqual({ job_name: 'j-1' });
    expect(await requests[8].clone().json()).toEqual({
      endpoint_name: 'e-1',
      instance_count: 1
    });
  });
});

describe('the Train dialog', () => {
  afterEach(() => {
    Dialog.flush();
    document.body.innerHTML = '';
  });

  it('is prefilled, asks the server as the user types, shows its 400 on the field, and sends the name shown', async () => {
    const posts: unknown[] = [];
    const checks: unknown[] = [];
    const { settings } = routedSettings(
      async (url, request): Promise<ICanned> => {
        const path = apiPath(url);
        if (path === 'entries/churn/launch-names') {
          return { status: 200, body: json(NAMES) };
        }
        expect(path).toBe('entries/churn/training-jobs');
        const body = await request.clone().json();
        const dryRun = url.searchParams.get('dry_run') === 'true';
        (dryRun ? checks : posts).push(body);
        // The server's rules: the dry run and the launch give the same 400.
        const details = [];
        const epochs = Number(body.hyperparameters?.epochs);
        if (!(epochs >= 1 && epochs <= 100)) {
          details.push({
            loc: ['hyperparameters', 'epochs'],
            msg: 'Enter a whole number between 1 and 100.'
          });
        }
        if (!body.role_arn) {
          details.push({
            loc: ['role_arn'],
            msg: 'choose the IAM execution role'
          });
        }
        if (details.length > 0) {
          return {
            status: 400,
            body: json({
              error: { code: 'invalid', message: 'invalid', details }
            })
          };
        }
        if (dryRun) {
          return { status: 200, body: json({ ok: true }) };
        }
        return {
          status: 201,
          body: json({
            job_name: body.job_name,
            arn: 'arn:x',
            status: 'InProgress'
          })
        };
      }
    );
    const onStarted = jest.fn();
    const closed = showTrainDialog({
      entry: ENTRY,
      client: new LaunchClient(settings),
      trans,
      checkDelay: 5,
      onStarted,
      onExport: jest.fn()
    });
    await waitFor(() => dialogNode() !== null);
    expect(dialogNode()!.getAttribute('aria-label')).toBe('Train Churn');
    // The server's default name, once it arrives.
    await waitFor(() => byLabel('Job name')?.value === NAMES.training_job);
    const name = byLabel('Job name');
    expect(byLabel<HTMLSelectElement>('Instance type').value).toBe(
      'ml.m5.xlarge'
    );
    expect(byLabel<HTMLSelectElement>('optimizer').tagName).toBe('SELECT');

    // The server's verdict as the user types, on the field typed in only.
    const epochs = byLabel('epochs');
    expect(describedBy(epochs)).toContain('Whole number from 1 to 100');
    type(epochs, '500');
    await waitFor(() => epochs.getAttribute('aria-invalid') === 'true');
    expect(describedBy(epochs)).toContain(
      'Enter a whole number between 1 and 100.'
    );
    expect(byLabel('IAM role ARN').getAttribute('aria-invalid')).toBeNull();
    expect(checks.length).toBeGreaterThan(0);
    footerButton('Start training').click();
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(posts).toEqual([]); // nothing sent while a field is wrong
    type(epochs, '20');
    await waitFor(() => epochs.getAttribute('aria-invalid') === null);

    // The server's verdict lands on the role field; the dialog stays open.
    footerButton('Start training').click();
    const role = byLabel('IAM role ARN');
    await waitFor(() => role.getAttribute('aria-invalid') === 'true');
    expect(describedBy(role)).toContain('choose the IAM execution role');
    expect(dialogNode()).not.toBeNull();

    type(role, ROLE);
    await waitFor(() => role.getAttribute('aria-invalid') === null);
    footerButton('Start training').click();
    await closed;
    expect(posts[posts.length - 1]).toEqual({
      job_name: name.value,
      role_arn: ROLE,
      instance_type: 'ml.m5.xlarge',
      instance_count: 1,
      hyperparameters: { epochs: '20', optimizer: 'adam' }
    });
    expect(onStarted).toHaveBeenCalledWith({
      job_name: name.value,
      arn: 'arn:x',
      status: 'InProgress'
    });
  });

  it('asks for the name again when its answer was lost, and sends the same name on a retry', async () => {
    const posts: unknown[] = [];
    let namesAsked = 0;
    const { settings } = routedSettings(
      async (url, request): Promise<ICanned> => {
        const path = apiPath(url);
        if (path === 'entries/churn/launch-names') {
          namesAsked++;
          return namesAsked === 1
            ? { status: 503, body: json({ error: { code: 'unavailable' } }) }
            : { status: 200, body: json(NAMES) };
        }
        if (url.searchParams.get('dry_run') === 'true') {
          return { status: 200, body: json({ ok: true }) };
        }
        posts.push(await request.clone().json());
        // The first launch's answer is lost.
        return posts.length === 1
          ? { status: 502, body: json({ error: { code: 'upstream' } }) }
          : {
              status: 201,
              body: json({
                job_name: NAMES.training_job,
                arn: 'arn:x',
                status: 'InProgress'
              })
            };
      }
    );
    const closed = showTrainDialog({
      entry: ENTRY,
      client: new LaunchClient(settings),
      trans,
      checkDelay: 5,
      onStarted: jest.fn(),
      onExport: jest.fn()
    });
    // The dialog opens without the name (its answer failed).
    await waitFor(() => byLabel('Job name') !== null);
    await waitFor(() => namesAsked === 1);
    expect(byLabel('Job name').value).toBe('');
    footerButton('Start training').click();
    await waitFor(() => posts.length === 1);
    expect(namesAsked).toBe(2);
    expect(byLabel('Job name').value).toBe(NAMES.training_job);
    await waitFor(() => !footerButton('Start training').disabled);
    footerButton('Start training').click();
    await closed;
    expect(posts).toHaveLength(2);
    expect(posts.map(body => (body as { job_name: string }).job_name)).toEqual([
      NAMES.training_job,
      NAMES.training_job
    ]);
    expect(namesAsked).toBe(2);
  });

  it('exports the request with the dialog’s choices', async () => {
    const { settings, requests } = routedSettings(url => ({
      status: 200,
      body: json(
        apiPath(url) === 'entries/churn/launch-names'
          ? { training_job: REQUEST.TrainingJobName, endpoint: 'e' }
          : REQUEST
      )
    }));
    const onExport = jest.fn(async () => 'training_job.json');
    const closed = showTrainDialog({
      entry: ENTRY,
      client: new LaunchClient(settings),
      trans,
      checkDelay: 5,
      onStarted: jest.fn(),
      onExport
    });
    await waitFor(() => byLabel('Job name')?.value === REQUEST.TrainingJobName);
    type(byLabel('IAM role ARN'), ROLE);
    type(byLabel<HTMLSelectElement>('Instance type'), 'ml.g5.2xlarge');
    await waitFor(
      () =>
        byLabel<HTMLSelectElement>('Instance type').value === 'ml.g5.2xlarge'
    );
    footerButton('Export training_job.json').click();
    await closed;
    expect(onExport).toHaveBeenCalledWith(REQUEST);
    const exported = new URL(
      requests.filter(request => request.method === 'GET')[1].url
    );
    expect(exported.searchParams.get('job_name')).toBe(REQUEST.TrainingJobName);
    expect(exported.searchParams.get('role_arn')).toBe(ROLE);
    expect(exported.searchParams.get('instance_type')).toBe('ml.g5.2xlarge');
    expect(JSON.parse(exported.searchParams.get('hyperparameters')!)).toEqual({
      epochs: '10',
      optimizer: 'adam'
    });
  });
});

describe('the Deploy dialog', () => {
  afterEach(() => {
    Dialog.flush();
    document.body.innerHTML = '';
  });

  it('shows a 503 plainly and keeps the dialog open', async () => {
    const { settings } = routedSettings(url =>
      apiPath(url) === 'entries/churn/launch-names'
        ? { status: 200, body: json(NAMES) }
        : {
            status: 503,
            body: json({
              error: {
                code: 'unavailable',
                message:
                  'No AWS credentials or region are configured for the Jupyter server.'
              }
            })
          }
    );
    void showDeployDialog({
      entry: ENTRY,
      client: new LaunchClient(settings),
      trans,
      onDeployed: jest.fn()
    });
    await waitFor(() => dialogNode() !== null);
    expect(dialogNode()!.getAttribute('aria-label')).toBe('Deploy Churn');
    await waitFor(() => byLabel('Endpoint name')?.value === NAMES.endpoint);
    footerButton('Deploy').click();
    await waitFor(() => document.querySelector('[role="alert"]') !== null);
    expect(document.querySelector('[role="alert"]')!.textContent).toContain(
      'No AWS credentials or region are configured'
    );
    expect(footerButton('Deploy').disabled).toBe(false);
  });
});

describe('the Deep Learning Container picker', () => {
  afterEach(() => {
    Dialog.flush();
    document.body.innerHTML = '';
  });

  it('builds the region’s URI from framework, version, processor and Python', async () => {
    const { settings, requests } = routedSettings(url => {
      const q = url.searchParams;
      const tag = `${q.get('version')}-${q.get('processor')}-${q.get('python')}-sagemaker`;
      return {
        status: 200,
        body: json({
          uri: `763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:${tag}`,
          account: '763104351884',
          region: 'us-east-1',
          repository: 'pytorch-training',
          tag
        })
      };
    });
    const picked = pickContainerImage({
      source: 'dlc',
      scope: 'training',
      client: new LaunchClient(settings),
      dlc: DLC,
      value: '',
      trans
    });
    await waitFor(() => document.querySelector('.sme-Picker-uri') !== null);
    expect(dialogNode()!.getAttribute('aria-label')).toBe(
      'Choose a Deep Learning Container'
    );
    type(byLabel<HTMLSelectElement>('Version'), '2.5.1');
    await waitFor(
      () =>
        document.querySelector('.sme-Picker-uri')?.textContent ===
        '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5.1-gpu-py311-sagemaker'
    );
    // 2.5.1 is built for GPU only here.
    expect(byLabel<HTMLSelectElement>('Processor').value).toBe('gpu');
    expect(footerButton('Use this image').disabled).toBe(false);
    footerButton('Use this image').click();
    await expect(picked).resolves.toBe(
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5.1-gpu-py311-sagemaker'
    );
    expect(
      new URL(requests[requests.length - 1].url).searchParams.get('scope')
    ).toBe('training');
  });

  it('lists training jobs with their images; a job without one cannot be chosen', async () => {
    const { settings } = routedSettings(() => ({
      status: 200,
      body: json({
        items: [
          {
            name: 'churn-1',
            arn: 'a',
            status: 'Completed',
            created_at: '2026-11-21T10:00:00Z',
            image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1',
            instance_type: 'ml.m5.xlarge'
          },
          {
            name: 'builtin',
            arn: 'b',
            status: 'Completed',
            created_at: null,
            image: null,
            instance_type: null
          }
        ],
        next_cursor: null
      })
    }));
    const picked = pickContainerImage({
      source: 'training-job',
      scope: 'training',
      client: new LaunchClient(settings),
      dlc: null,
      value: '',
      trans
    });
    await waitFor(
      () => document.querySelectorAll('input[type="radio"]').length === 2
    );
    const radios = Array.from(
      document.querySelectorAll<HTMLInputElement>('input[type="radio"]')
    );
    expect(radios[1].disabled).toBe(true);
    expect(footerButton('Use this image').disabled).toBe(true);
    radios[0].click();
    await waitFor(() => !footerButton('Use this image').disabled);
    footerButton('Use this image').click();
    await expect(picked).resolves.toBe(
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1'
    );
  });
});

describe('the training job view', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  const JOB: ITrainingJobStatus = {
    job_name: 'churn-1',
    arn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/churn-1',
    status: 'Failed',
    secondary_status: 'Failed',
    secondary_status_history: [
      {
        status: 'Starting',
        start_time: '2026-11-21T10:00:00Z',
        end_time: null,
        message: 'Launching instances'
      }
    ],
    failure_reason: 'AlgorithmError: boom',
    final_metrics: [{ name: 'loss', value: 0.25, timestamp: null }],
    created_at: '2026-11-21T10:00:00Z',
    started_at: null,
    ended_at: null,
    last_modified_at: null,
    billable_seconds: 125,
    training_seconds: 120,
    image: 'img',
    instance_type: 'ml.m5.xlarge',
    instance_count: 1,
    model_artifacts: null,
    logs: {
      log_group: '/aws/sagemaker/TrainingJobs',
      log_stream_prefix: 'churn-1/'
    }
  };

  it('shows status, failure reason, metrics, history and logs; Stop only while running', async () => {
    const poller = new StatusPoll<ITrainingJobStatus>({
      load: async () => JOB,
      isFinal: () => true
    });
    poller.set(JOB);
    const onStop = jest.fn();
    widget = await mount(
      <TrainingJobView
        name="churn-1"
        poller={poller}
        stopping={false}
        onStop={onStop}
        locale="en"
        trans={trans}
      />
    );
    const node = widget.node;
    expect(node.querySelector('h1')?.textContent).toBe('churn-1');
    expect(node.querySelector('[role="status"]')?.textContent).toContain(
      'Failed'
    );
    expect(node.textContent).toContain('AlgorithmError: boom');
    expect(node.textContent).toContain('loss');
    expect(node.textContent).toContain('Launching instances');
    expect(node.textContent).toContain('/aws/sagemaker/TrainingJobs');
    expect(node.textContent).toContain('2:00');
    const stop = Array.from(node.querySelectorAll('button')).find(
      b => b.textContent === 'Stop'
    )!;
    expect(stop.disabled).toBe(true);
    poller.set({ ...JOB, status: 'InProgress', failure_reason: null });
    await waitFor(() => !stop.disabled);
    stop.click();
    expect(onStop).toHaveBeenCalled();
    poller.dispose();
  });
});

describe('My launches', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  it('loads when opened, shows each launch’s live status, and opens its view', async () => {
    const { settings, requests } = routedSettings(url => {
      const path = apiPath(url);
      if (path === 'launches') {
        return {
          status: 200,
          body: json({
            items: [
              {
                id: 2,
                kind: 'endpoint',
                name: 'churn-ep',
                entry_id: 'churn',
                entry_title: 'Churn',
                arn: 'e',
                region: 'us-east-1',
                created_at: '2026-11-21T10:00:00Z'
              },
              {
                id: 1,
                kind: 'training-job',
                name: 'churn-1',
                entry_id: 'churn',
                entry_title: 'Churn',
                arn: 't',
                region: 'us-east-1',
                created_at: '2026-11-21T09:00:00Z'
              }
            ],
            next_cursor: null
          })
        };
      }
      if (path === 'deployments/churn-ep') {
        return {
          status: 200,
          body: json({ endpoint_name: 'churn-ep', status: 'InService' })
        };
      }
      return {
        status: 200,
        body: json({
          job_name: 'churn-1',
          status: 'Completed',
          secondary_status_history: []
        })
      };
    });
    const model = new LaunchesModel({ client: new LaunchClient(settings) });
    const onOpen = jest.fn();
    widget = await mount(
      <LaunchesSection
        model={model}
        onOpen={onOpen}
        idPrefix="t"
        locale="en"
        trans={trans}
      />
    );
    const toggle =
      widget.node.querySelector<HTMLButtonElement>('[aria-expanded]')!;
    expect(toggle.textContent).toBe('My launches');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(requests).toHaveLength(0); // nothing loads while closed
    toggle.click();
    await waitFor(
      () => widget!.node.querySelectorAll('.sme-Launch').length === 2
    );
    await waitFor(() => widget!.node.textContent!.includes('In service'));
    await waitFor(() => widget!.node.textContent!.includes('Completed'));
    const names = Array.from(
      widget.node.querySelectorAll<HTMLButtonElement>('.sme-Launch-name')
    );
    expect(names.map(n => n.textContent)).toEqual(['churn-ep', 'churn-1']);
    names[1].click();
    expect(onOpen).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'training-job', name: 'churn-1' })
    );
    // Both are final: no more polling; closing the section stops everything.
    toggle.click();
    expect(model.expanded).toBe(false);
    model.dispose();
  });
});
