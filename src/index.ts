import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette, IToolbarWidgetRegistry } from '@jupyterlab/apputils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { CommandToolbarButton } from '@jupyterlab/ui-components';
import type { Widget } from '@lumino/widgets';

// The panel, its model, its client and the commands are needed at
// activation: the panel's tab must be in the left area from the start, the
// commands in the palette. Heavy parts that are not (wizards, dialogs, the
// details view) are imported where first used.
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { SharedModelsClient } from './api/catalog';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { addCommands } from './catalog/commands';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { addDestinationFeatures } from './destinations';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { addLaunchFeatures } from './launch';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { addLocalRunFeatures } from './local-runs';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { SharedModelsModel } from './catalog/model';
import { SharedModelsService } from './catalog/service';
import { DEFAULT_SETTINGS, readSettings } from './common/settings';
import {
  CommandIDs,
  DESTINATIONS_PLUGIN_ID,
  ILaunches,
  ISharedModels,
  LAUNCH_PLUGIN_ID,
  LOCAL_RUNS_PLUGIN_ID,
  PANEL_ID,
  PLUGIN_ID,
  SHARE_TOOLBAR_ITEM
} from './tokens';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { SharedModelsPanel } from './catalog/panel';

/**
 * The Shared models panel in the left area, its commands and its settings;
 * provides the catalog (`ISharedModels`) the other plugins build on.
 */
const plugin: JupyterFrontEndPlugin<ISharedModels> = {
  id: PLUGIN_ID,
  description:
    'The Shared models panel: a catalog of the ML models and notebooks your team shares.',
  autoStart: true,
  provides: ISharedModels,
  optional: [
    ILayoutRestorer,
    ICommandPalette,
    ISettingRegistry,
    ITranslator,
    IRenderMimeRegistry,
    IDocumentManager,
    IDefaultFileBrowser,
    IToolbarWidgetRegistry
  ],
  activate: (
    app: JupyterFrontEnd,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    settingRegistry: ISettingRegistry | null,
    translator: ITranslator | null,
    rendermime: IRenderMimeRegistry | null,
    docManager: IDocumentManager | null,
    fileBrowser: IDefaultFileBrowser | null,
    toolbarRegistry: IToolbarWidgetRegistry | null
  ): ISharedModels => {
    translator = translator ?? nullTranslator;

    const model = new SharedModelsModel({
      client: new SharedModelsClient(),
      // The settings choose the tab and sort the panel opens with.
      waitForSettings: settingRegistry !== null
    });
    const panel = new SharedModelsPanel({
      model,
      commands: app.commands,
      translator
    });
    app.shell.add(panel, 'left', { rank: 850 });
    restorer?.add(panel, PANEL_ID);

    addCommands({
      app,
      panel,
      model,
      translator,
      palette,
      rendermime,
      docManager,
      fileBrowser
    });

    // The notebook toolbar's Share button (declared in schema/plugin.json)
    // shares the notebook it belongs to, not whichever one is current.
    toolbarRegistry?.addFactory<Widget>(
      'Notebook',
      SHARE_TOOLBAR_ITEM,
      notebook =>
        new CommandToolbarButton({
          commands: app.commands,
          id: CommandIDs.shareNotebook,
          args: { toolbar: true, widget: notebook.id }
        })
    );

    if (settingRegistry) {
      settingRegistry
        .load(PLUGIN_ID)
        .then(settings => {
          const update = (): void => {
            model.settings = readSettings(settings.composite);
          };
          update();
          settings.changed.connect(update);
          // Remember the selected tab, when the user wants that.
          model.tabChanged.connect((_, tab) => {
            if (
              model.settings.rememberTab &&
              settings.composite.defaultTab !== tab
            ) {
              settings.set('defaultTab', tab).catch(reason => {
                console.error(`${PLUGIN_ID}: could not save the tab.`, reason);
              });
            }
          });
        })
        .catch(reason => {
          console.error(`${PLUGIN_ID}: could not load settings.`, reason);
          model.settings = DEFAULT_SETTINGS;
        });
    }
    return new SharedModelsService({ model, panel });
  }
};

/**
 * Train, Deploy and Export training_job.json on the cards, the job and
 * endpoint views, and My launches at the bottom of the panel.
 */
const launchPlugin: JupyterFrontEndPlugin<ILaunches> = {
  id: LAUNCH_PLUGIN_ID,
  description:
    'Train and deploy shared models on SageMaker, and follow what you launched.',
  autoStart: true,
  requires: [ISharedModels],
  optional: [ITranslator, IDefaultFileBrowser, ILayoutRestorer],
  provides: ILaunches,
  activate: (
    app: JupyterFrontEnd,
    catalog: ISharedModels,
    translator: ITranslator | null,
    fileBrowser: IDefaultFileBrowser | null,
    restorer: ILayoutRestorer | null
  ): ILaunches =>
    addLaunchFeatures({
      app,
      catalog,
      translator: translator ?? nullTranslator,
      fileBrowser,
      restorer
    })
};

/** Run locally: a shared model's training script on this machine. */
const localRunsPlugin: JupyterFrontEndPlugin<void> = {
  id: LOCAL_RUNS_PLUGIN_ID,
  description:
    'Run a shared model’s training script on this machine, in the SageMaker training-container contract.',
  autoStart: true,
  requires: [ISharedModels, ILaunches],
  optional: [ITranslator],
  activate: (
    app: JupyterFrontEnd,
    catalog: ISharedModels,
    launches: ILaunches,
    translator: ITranslator | null
  ): void =>
    addLocalRunFeatures({
      app,
      catalog,
      launches,
      translator: translator ?? nullTranslator
    })
};

/**
 * Register with Clean Rooms ML and Publish to hub… on the cards and in the
 * details view; registrations show in My launches.
 */
const destinationsPlugin: JupyterFrontEndPlugin<void> = {
  id: DESTINATIONS_PLUGIN_ID,
  description:
    'Register shared models with AWS Clean Rooms ML and publish them to SageMaker private hubs.',
  autoStart: true,
  requires: [ISharedModels],
  optional: [ITranslator, ILaunches],
  activate: (
    app: JupyterFrontEnd,
    catalog: ISharedModels,
    translator: ITranslator | null,
    launches: ILaunches | null
  ): void => {
    addDestinationFeatures({
      app,
      catalog,
      translator: translator ?? nullTranslator,
      launches
    });
  }
};

export default [plugin, launchPlugin, localRunsPlugin, destinationsPlugin];
