import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

// The panel, its model, its client and the commands are needed at
// activation: the panel's tab must be in the left area from the start, the
// commands in the palette. Heavy parts that are not (wizards, dialogs, the
// details view) are imported where first used.
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { SharedModelsClient } from './api';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { addCommands } from './commands';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { SharedModelsModel } from './model';
import { DEFAULT_SETTINGS, readSettings } from './settings';
import { PANEL_ID, PLUGIN_ID } from './tokens';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { SharedModelsPanel } from './widgets/panel';

/**
 * The Shared models panel in the left area, its commands and its settings.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description:
    'The Shared models panel: a catalog of the ML models and notebooks your team shares.',
  autoStart: true,
  optional: [
    ILayoutRestorer,
    ICommandPalette,
    ISettingRegistry,
    ITranslator,
    IRenderMimeRegistry
  ],
  activate: (
    app: JupyterFrontEnd,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    settingRegistry: ISettingRegistry | null,
    translator: ITranslator | null,
    rendermime: IRenderMimeRegistry | null
  ): void => {
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

    addCommands({ app, panel, model, translator, palette, rendermime });

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
  }
};

export default plugin;
