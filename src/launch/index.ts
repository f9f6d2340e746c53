/**
 * Launching from a card: Train, Deploy and Export training_job.json; the
 * training job, endpoint and local run views; "My launches" in the panel.
 * Built on the catalog's `ISharedModels`; gives the other launching
 * plugins (Run locally, Clean Rooms ML) `ILaunches`.
 *
 * The dialogs and views are loaded the first time they are used; only the
 * commands and the (small) My launches section are there from the start.
 */
import type { ILayoutRestorer, JupyterFrontEnd } from '@jupyterlab/application';
import { showErrorMessage, WidgetTracker } from '@jupyterlab/apputils';
import type { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import type { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import type { Widget } from '@lumino/widgets';
import * as React from 'react';

import { toLocale } from '../common/time';
import { asApiError } from '../common/errors';
import {
  enabledFor,
  ENTRY_ARGS,
  entryFetcher,
  instanceLabels
} from '../catalog/entryCommands';
import {
  CommandIDs,
  ILaunches,
  ISharedModels,
  LaunchViewKind,
  TRANSLATION_DOMAIN
} from '../tokens';
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
import type { ICreateTrainingJobRequest, ILaunch } from './types';
import type { LaunchViews, LaunchWidget } from './views';

export { choicesFromArgs };

export interface ILaunchOptions {
  app: JupyterFrontEnd;
  /** The catalog: its entries, vocabularies and panel (My launches goes there). */
  catalog: ISharedModels;
  translator: ITranslator;
  /** Its folder is where training_job.json is saved. */
  fileBrowser?: IDefaultFileBrowser | null;
  restorer?: ILayoutRestorer | null;
}

/** What the launch plugin provides: `ILaunches`, and My launches' model. */
export interface ILaunchFeatures extends ILaunches {
  readonly model: LaunchesModel;
}

/**
 * Register Train, Deploy, Export training_job.json and the launch views'
 * command, and add My launches to the panel.
 */
export function addLaunchFeatures(options: ILaunchOptions): ILaunchFeatures {
  const { app, catalog, translator, fileBrowser, restorer } = options;
  const trans = translator.load(TRANSLATION_DOMAIN);
  const locale = toLocale(translator.languageCode);
  const { commands } = app;
  const client = new LaunchClient(catalog.serverSettings);
  const launches = new LaunchesModel({ client });
  const tracker = new WidgetTracker<LaunchWidget>({
    namespace: 'shared-models-launch'
  });
  let views: LaunchViews | null = null;

  const openView = async (
    kind: LaunchViewKind,
    name: string
  ): Promise<LaunchWidget> => {
    // The served final statuses tell the view's poll when to stop.
    void catalog.ensureOptions();
    if (!views) {
      const { LaunchViews } = await import('./views');
      views = new LaunchViews({ app, client, trans, locale, tracker });
    }
    return views.open(kind, name);
  };

  /** The entry of a command, as the server has it now; null on failure. */
  const fetchEntry = entryFetcher(catalog, trans);

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
  const hasTraining = enabledFor(catalog, entry => entry.training !== null);
  const hasInference = enabledFor(catalog, entry => entry.inference !== null);

  commands.addCommand(CommandIDs.train, {
    label: trans.__('Train'),
    caption: trans.__('Start a SageMaker training job from a shared model'),
    describedBy: TRAIN_ARGS,
    isEnabled: hasTraining,
    execute: async args => {
      void catalog.ensureOptions();
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
        instanceLabel: instanceLabels(catalog, 'training'),
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
      void catalog.ensureOptions();
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
        instanceLabel: instanceLabels(catalog, 'inference'),
        onDeployed: created => {
          launches.launched();
          void openView('endpoint', created.endpoint_name);
        }
      });
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

  catalog.addPanelSection(
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
  return {
    model: launches,
    launched: () => launches.launched(),
    open: openView
  };
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
