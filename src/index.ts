import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { SharedModelsClient } from './api';
import { addCommands } from './commands';
// The panel, its model and its client are needed at activation: the panel's
// tab must be in the left area from the start. Heavy parts that are not
// (wizards, dialogs) should be imported lazily where they are first used.
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { SharedModelsModel } from './model';
import { readSettings } from './settings';
import { PANEL_ID, PLUGIN_ID, TRANSLATION_DOMAIN } from './tokens';
// eslint-disable-next-line jupyter/prefer-lazy-imports
import { SharedModelsPanel } from './widgets/panel';

/**
 * The Shared models panel in the left area, its command and its settings.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description:
    'The Shared models panel: a catalog of the ML models and notebooks your team shares.',
  autoStart: true,
  optional: [ILayoutRestorer, ICommandPalette, ISettingRegistry, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    settingRegistry: ISettingRegistry | null,
    translator: ITranslator | null
  ): void => {
    translator = translator ?? nullTranslator;
    const trans = translator.load(TRANSLATION_DOMAIN);

    const model = new SharedModelsModel({ client: new SharedModelsClient() });
    const panel = new SharedModelsPanel({ model, translator });
    app.shell.add(panel, 'left', { rank: 850 });
    restorer?.add(panel, PANEL_ID);

    addCommands(app, panel, trans, palette);

    if (settingRegistry) {
      settingRegistry
        .load(PLUGIN_ID)
        .then(settings => {
          const update = (): void => {
            model.settings = readSettings(settings.composite);
          };
          update();
          settings.changed.connect(update);
        })
        .catch(reason => {
          console.error(`${PLUGIN_ID}: could not load settings.`, reason);
        });
    }
  }
};

export default plugin;
