import type { JupyterFrontEnd } from '@jupyterlab/application';
import { nullTranslator } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';

import { addLaunchFeatures, choicesFromArgs } from '../launch';
import { CommandIDs, ISharedModels } from '../tokens';
import { apiPath, json, routedSettings } from './helpers';

const REQUEST = {
  TrainingJobName: 'churn-1',
  HyperParameters: { sagemaker_program: 'train.py' },
  AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
  RoleArn: 'arn:aws:iam::123456789012:role/R'
};

describe('the launch commands', () => {
  it('read the launch choices of their arguments', () => {
    expect(
      choicesFromArgs({
        id: 'churn',
        job_name: 'j',
        role_arn: '',
        instance_count: 2,
        hyperparameters: { epochs: 20, lr: '0.1' }
      })
    ).toEqual({
      job_name: 'j',
      instance_count: 2,
      hyperparameters: { epochs: '20', lr: '0.1' }
    });
  });

  it('export training_job.json into the file browser’s folder and open it', async () => {
    const { settings, requests } = routedSettings(url =>
      apiPath(url) === 'entries/churn/training-job-request'
        ? { status: 200, body: json(REQUEST) }
        : { status: 404, body: '{}' }
    );
    const commands = new CommandRegistry();
    const opened: unknown[] = [];
    commands.addCommand('docmanager:open', {
      describedBy: { args: { type: 'object', properties: {} } },
      execute: args => {
        opened.push(args);
      }
    });
    const saved: Array<[string, unknown]> = [];
    const contents = {
      get: async (path: string) => {
        if (path === 'work') {
          return { type: 'directory', content: [] };
        }
        throw Object.assign(new Error('no'), { response: { status: 404 } });
      },
      save: async (path: string, model: { content: unknown }) => {
        saved.push([path, model.content]);
        return { path };
      }
    };
    const app = {
      commands,
      serviceManager: { contents },
      shell: { add: jest.fn(), activateById: jest.fn() }
    } as unknown as JupyterFrontEnd;
    const sections: unknown[] = [];
    const catalog = {
      serverSettings: settings,
      options: { status: 'loading' },
      findEntry: () => undefined,
      ensureOptions: async () => undefined,
      addPanelSection: (widget: unknown) => sections.push(widget)
    } as unknown as ISharedModels;
    const launches = addLaunchFeatures({
      app,
      catalog,
      translator: nullTranslator,
      fileBrowser: { model: { path: 'work' } } as never
    });
    for (const id of [
      CommandIDs.train,
      CommandIDs.deploy,
      CommandIDs.exportTrainingJob,
      CommandIDs.openLaunch
    ]) {
      expect(commands.hasCommand(id)).toBe(true);
    }
    expect(commands.label(CommandIDs.exportTrainingJob, { id: 'churn' })).toBe(
      'Export training_job.json'
    );
    const path = await commands.execute(CommandIDs.exportTrainingJob, {
      id: 'churn',
      role_arn: REQUEST.RoleArn
    });
    expect(path).toBe('work/training_job.json');
    expect(saved).toEqual([
      ['work/training_job.json', `${JSON.stringify(REQUEST, null, 2)}\n`]
    ]);
    expect(opened).toEqual([{ path: 'work/training_job.json' }]);
    expect(new URL(requests[0].url).searchParams.get('role_arn')).toBe(
      REQUEST.RoleArn
    );
    // My launches went to the bottom of the panel.
    expect(sections).toHaveLength(1);
    launches.model.dispose();
  });
});
