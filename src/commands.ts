import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { ICommandPalette } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';

import { sharedModelsIcon } from './icons';
import { CommandIDs } from './tokens';
import type { SharedModelsPanel } from './widgets/panel';

/** Register the extension's commands, and list them in the palette. */
export function addCommands(
  app: JupyterFrontEnd,
  panel: SharedModelsPanel,
  trans: TranslationBundle,
  palette: ICommandPalette | null
): void {
  app.commands.addCommand(CommandIDs.open, {
    label: trans.__('Open Shared models'),
    caption: trans.__('Show the Shared models panel'),
    icon: sharedModelsIcon,
    describedBy: { args: { type: 'object', properties: {} } },
    execute: () => {
      app.shell.activateById(panel.id);
    }
  });

  palette?.addItem({
    command: CommandIDs.open,
    category: trans.__('Shared Models')
  });
}
