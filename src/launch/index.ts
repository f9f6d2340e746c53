/**
 * Launching from a card: Train, Run locally, Deploy and Export
 * training_job.json; the training job, endpoint and local run views; "My
 * launches" in the panel.
 *
 * The dialogs and views are loaded the first time they are used; only the
 * commands and the (small) My launches section are there from the start.
 */
import type { ILayoutRestorer, JupyterFrontEnd } from '@jupyterlab/application';
import { showErrorMessage, WidgetTracker } from '@jupyterlab/apputils';
import type { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import type { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import type { Widget } from '@lumino/widgets';
import * as React from 'react';

import { toLocale } from '../common/time';
import { asApiError } from '../common/errors';
import { ENTRY_ARGS, entryFetcher } from '../catalog/entryCommands';
import type { SharedModelsModel } from '../catalog/model';
import { CommandIDs, TRANSLATION_DOMAIN } from '../tokens';
import type { IEntry, IInferenceSpec, ITrainingSpec } from '../api/types';
import { LaunchClient } from '../api/launches';
import { LaunchesSection } from './components/LaunchesSection';
import { exportText, saveNewFile } from './exportFile';
import {
  choicesFromArgs,
  EXPORT_ARGS,
  TRAIN_ARGS,
  VIEW_ARGS
} from './commandArgs';
import { LaunchesModel } from './launchesModel';
import { addRunLocallyCommand } from '../local-runs/command';
import type { ICreateTrainingJobRequest, ILaunch } from './types';
import type { LaunchViewKind, LaunchViews, LaunchWidget } from './views';

export { choicesFromArgs };

export interface ILaunchOptions {
  app: JupyterFrontEnd;
  /** The catalog: its client, entries and vocabularies. */
  model: SharedModelsModel;
  translator: ITranslator;
  /** Where My launches goes (the Shared models panel). */
  panel?: { addWidget(widget: Widget): void } | null;
  /** Its folder is where training_job.json is saved. */
  fileBrowser?: IDefaultFileBrowser | null;
  restorer?: ILayoutRestorer | null;
}

/**
 * Register Train, Deploy, Export training_job.json and the launch views'
 * command, and add My launches to the panel.
 */
export function addLaunchFeatures(options: ILaunchOptions): LaunchesModel {
  const { app, model, translator, fileBrowser, restorer } = options;
  const trans = translator.load(TRANSLATION_DOMAIN);
  const locale = toLocale(translator.languageCode);
  const { commands } = app;
  const client = new LaunchClient(model.client.serverSettings);
  const launches = new LaunchesModel({ client });
  const tracker = new WidgetTracker<LaunchWidget>({
    namespace: 'shared-models-launch'
  });
  let views: LaunchViews | null = null;

  const openView = async (
    kind: LaunchViewKind,
    name: string
  ): Promise<LaunchWidget> => {
    if (!views) {
      const { LaunchViews } = await import('./views');
      views = new LaunchViews({ app, client, trans, locale, tracker });
    }
    return views.open(kind, name);
  };

  const instanceLabel = (scope: 'training' | 'inference') => {
    const options = model.options;
    const labels = new Map<string, string>();
    if (options.status === 'ready') {
      for (const item of options.value.instance_types[scope]) {
        labels.set(item.id, item.label);
      }
    }
    return (id: string): string => labels.get(id) ?? id;
  };

  /** The entry of a command, as the server has it now; null on failure. */
  const fetchEntry = entryFetcher(model, trans);

  const exportRequest = async (
    request: ICreateTrainingJobRequest
  ): Promise<string> => {
    const directory = fileBrowser?.model.path ?? '';
    const path = await saveNewFile(
      app.serviceManager.contents,
      directory,
      exportText(request)
    );
    await commands.execute('docmanager:open', { path });
    return path;
  };

  /** Enabled for entries that may be trained (all, until the list says otherwise). */
  const hasTraining = (args: ReadonlyPartialJSONObject): boolean => {
    const entry = model.findEntry(String(args.id ?? ''));
    return entry === undefined || entry.training !== null;
  };
  const hasInference = (args: ReadonlyPartialJSONObject): boolean => {
    const entry = model.findEntry(String(args.id ?? ''));
    return entry === undefined || entry.inference !== null;
  };

  commands.addCommand(CommandIDs.train, {
    label: trans.__('Train'),
    caption: trans.__('Start a SageMaker training job from a shared model'),
    describedBy: TRAIN_ARGS,
    isEnabled: hasTraining,
    execute: async args => {
      void model.ensureOptions();
      const entry = await fetchEntry(args);
      if (!entry) {
        return;
      }
      if (!entry.training) {
        await showErrorMessage(
          trans.__('Cannot train “%1”', entry.title),
          trans.__('Training is not enabled for this entry.')
        );
        return;
      }
      const { showTrainDialog } = await import('./dialogs');
      await showTrainDialog({
        entry: entry as IEntry & { training: ITrainingSpec },
        client,
        trans,
        instanceLabel: instanceLabel('training'),
        hyperparameters: choicesFromArgs(args).hyperparameters,
        onStarted: launched => {
          launches.launched();
          void openView('training-job', launched.job_name);
        },
        onExport: exportRequest
      });
    }
  });

  commands.addCommand(CommandIDs.deploy, {
    label: trans.__('Deploy'),
    caption: trans.__('Deploy a shared model to a SageMaker endpoint'),
    describedBy: ENTRY_ARGS,
    isEnabled: hasInference,
    execute: async args => {
      void model.ensureOptions();
      const entry = await fetchEntry(args);
      if (!entry) {
        return;
      }
      if (!entry.inference) {
        await showErrorMessage(
          trans.__('Cannot deploy “%1”', entry.title),
          trans.__('Deployment is not enabled for this entry.')
        );
        return;
      }
      const { showDeployDialog } = await import('./dialogs');
      await showDeployDialog({
        entry: entry as IEntry & { inference: IInferenceSpec },
        client,
        trans,
        instanceLabel: instanceLabel('inference'),
        onDeployed: created => {
          launches.launched();
          void openView('endpoint', created.endpoint_name);
        }
      });
    }
  });

  addRunLocallyCommand({
    app,
    client,
    trans,
    fetchEntry,
    isEnabled: hasTraining,
    instanceLabel: () => {
      void model.ensureOptions();
      return instanceLabel('training');
    },
    onStarted: runId => {
      launches.launched();
      void openView('local-run', runId);
    }
  });

  commands.addCommand(CommandIDs.exportTrainingJob, {
    label: trans.__('Export training_job.json'),
    caption: trans.__(
      'Save the CreateTrainingJob request of a shared model into the workspace, for aws sagemaker create-training-job --cli-input-json file://training_job.json'
    ),
    describedBy: EXPORT_ARGS,
    isEnabled: hasTraining,
    execute: async args => {
      const id = String(args.id ?? '');
      try {
        const request = await client.trainingJobRequest(
          id,
          choicesFromArgs(args)
        );
        return await exportRequest(request);
      } catch (reason) {
        await showErrorMessage(
          trans.__('Could not export training_job.json'),
          asApiError(reason)
        );
        return undefined;
      }
    }
  });

  commands.addCommand(CommandIDs.openLaunch, {
    label: args => {
      const name = String(args.name ?? '');
      switch (args.kind) {
        case 'endpoint':
          return trans.__('Open endpoint %1', name);
        case 'local-run':
          return trans.__('Open local run %1', name);
        default:
          return trans.__('Open training job %1', name);
      }
    },
    caption: trans.__(
      'Show the live status of a training job, endpoint or local run'
    ),
    describedBy: VIEW_ARGS,
    execute: async args => {
      const kind: LaunchViewKind =
        args.kind === 'endpoint' || args.kind === 'local-run'
          ? args.kind
          : 'training-job';
      const name = String(args.name ?? '');
      if (name) {
        await openView(kind, name);
      }
    }
  });

  void restorer?.restore(tracker, {
    command: CommandIDs.openLaunch,
    args: widget => ({
      kind: viewKindOf(widget.id),
      name: widget.name
    }),
    name: widget => widget.id
  });

  if (options.panel) {
    options.panel.addWidget(
      createLaunchesWidget(
        launches,
        launch => {
          void commands.execute(CommandIDs.openLaunch, {
            kind: launch.kind,
            name: launch.name
          });
        },
        trans,
        locale
      )
    );
  }
  return launches;
}

/** The kind of a launch view, by its main-area id (see `views.ts`). */
function viewKindOf(id: string): LaunchViewKind {
  if (id.startsWith('sme-endpoint-')) {
    return 'endpoint';
  }
  return id.startsWith('sme-local-run-') ? 'local-run' : 'training-job';
}

let sections = 0;

/** The My launches section as a widget (the panel lays it out under the list). */
export function createLaunchesWidget(
  launches: LaunchesModel,
  onOpen: (launch: ILaunch) => void,
  trans: TranslationBundle,
  locale?: string
): Widget {
  const widget = ReactWidget.create(
    React.createElement(LaunchesSection, {
      model: launches,
      onOpen,
      idPrefix: `sme-launches-${++sections}`,
      locale,
      trans
    })
  );
  widget.addClass('sme-SharedModelsPanel-launches');
  widget.disposed.connect(() => launches.dispose());
  return widget;
}
