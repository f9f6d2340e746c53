import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { ICommandPalette } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';

import { SharedModelsClient } from '../api';
import { addCommands } from '../commands';
import { SharedModelsModel } from '../model';
import { CommandIDs, TRANSLATION_DOMAIN } from '../tokens';
import { SharedModelsPanel } from '../widgets/panel';
import { cannedSettings } from './helpers';

describe('addCommands', () => {
  it('registers "Open Shared models" in the palette, and it activates the panel', async () => {
    const commands = new CommandRegistry();
    const activateById = jest.fn();
    const app = {
      commands,
      shell: { activateById }
    } as unknown as JupyterFrontEnd;
    const addItem = jest.fn();
    const palette = { addItem } as unknown as ICommandPalette;
    const model = new SharedModelsModel({
      client: new SharedModelsClient({
        serverSettings: cannedSettings({ status: 200, body: '{}' }).settings
      })
    });
    const panel = new SharedModelsPanel({ model });

    addCommands(app, panel, nullTranslator.load(TRANSLATION_DOMAIN), palette);

    expect(CommandIDs.open).toBe('shared-models:open');
    expect(commands.hasCommand(CommandIDs.open)).toBe(true);
    expect(commands.label(CommandIDs.open)).toBe('Open Shared models');
    expect(addItem).toHaveBeenCalledWith({
      command: CommandIDs.open,
      category: 'Shared Models'
    });

    await commands.execute(CommandIDs.open);
    expect(activateById).toHaveBeenCalledWith('shared-models-panel');

    panel.dispose();
    model.dispose();
  });

  it('works without a command palette', () => {
    const commands = new CommandRegistry();
    const app = {
      commands,
      shell: { activateById: jest.fn() }
    } as unknown as JupyterFrontEnd;
    const model = new SharedModelsModel({
      client: new SharedModelsClient({
        serverSettings: cannedSettings({ status: 200, body: '{}' }).settings
      })
    });
    const panel = new SharedModelsPanel({ model });
    addCommands(app, panel, nullTranslator.load(TRANSLATION_DOMAIN), null);
    expect(commands.hasCommand(CommandIDs.open)).toBe(true);
    panel.dispose();
    model.dispose();
  });
});
