import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { ICommandPalette } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';

import { SharedModelsClient } from '../api/catalog';
import { addCommands } from '../catalog/commands';
import { SharedModelsModel } from '../catalog/model';
import { CommandIDs } from '../tokens';
import { SharedModelsPanel } from '../catalog/panel';
import { cannedSettings, ICanned, json } from './helpers';

function setUp(withPalette: boolean, ...answers: ICanned[]) {
  const commands = new CommandRegistry();
  const activateById = jest.fn();
  const app = {
    commands,
    shell: { activateById, add: jest.fn() }
  } as unknown as JupyterFrontEnd;
  const addItem = jest.fn();
  const palette = withPalette
    ? ({ addItem } as unknown as ICommandPalette)
    : null;
  const canned = cannedSettings(
    ...(answers.length ? answers : [{ status: 200, body: '{}' }])
  );
  const model = new SharedModelsModel({
    client: new SharedModelsClient({ serverSettings: canned.settings })
  });
  const panel = new SharedModelsPanel({ model, commands });
  addCommands({
    app,
    panel,
    model,
    translator: nullTranslator,
    palette,
    rendermime: null
  });
  const dispose = () => {
    panel.dispose();
    model.dispose();
  };
  return { commands, activateById, addItem, model, panel, canned, dispose };
}

describe('addCommands', () => {
  it('registers "Open Shared models" in the palette, and it activates the panel', async () => {
    const { commands, activateById, addItem, dispose } = setUp(true);

    expect(CommandIDs.open).toBe('shared-models:open');
    expect(commands.hasCommand(CommandIDs.open)).toBe(true);
    expect(commands.label(CommandIDs.open)).toBe('Open Shared models');
    expect(addItem).toHaveBeenCalledWith({
      command: CommandIDs.open,
      category: 'Shared Models'
    });

    await commands.execute(CommandIDs.open);
    expect(activateById).toHaveBeenCalledWith('shared-models-panel');
    dispose();
  });

  it('registers every command of the issue, with its id and label', () => {
    const { commands, addItem, dispose } = setUp(true);
    const expected: Array<[string, string, string]> = [
      [CommandIDs.addModel, 'shared-models:add-model', 'Add model'],
      [CommandIDs.addNotebook, 'shared-models:add-notebook', 'Add notebook'],
      [CommandIDs.editEntry, 'shared-models:edit-entry', 'Edit'],
      [CommandIDs.deleteEntry, 'shared-models:delete-entry', 'Delete'],
      [CommandIDs.shareEntry, 'shared-models:share-entry', 'Share…'],
      [CommandIDs.openDetails, 'shared-models:open-details', 'Details'],
      [CommandIDs.refresh, 'shared-models:refresh', 'Refresh Shared models']
    ];
    for (const [id, literal, label] of expected) {
      expect(id).toBe(literal);
      expect(commands.hasCommand(id)).toBe(true);
      expect(commands.label(id)).toBe(label);
    }
    const inPalette = addItem.mock.calls.map(([item]) => item.command);
    expect(inPalette).toEqual(
      expect.arrayContaining([CommandIDs.addModel, CommandIDs.addNotebook])
    );
    for (const [item] of addItem.mock.calls) {
      expect(item.category).toBe('Shared Models');
    }
    dispose();
  });

  it('offers Edit, Share… and Delete only for entries the user owns', async () => {
    const entry = (id: string, owner: string) => ({
      id,
      kind: 'model',
      title: id,
      description: '',
      data_type: 'text',
      task: 'text-generation',
      framework: 'pytorch',
      keywords: [],
      owner,
      share: { organization: true, users: [], canvas_users: [] },
      training: null,
      inference: null,
      notebook: null,
      created_at: '2026-11-21T10:00:00Z',
      updated_at: '2026-11-21T10:00:00Z',
      version: 1
    });
    const { commands, model, dispose } = setUp(
      false,
      { status: 200, body: json({ username: 'alice', display_name: 'Alice' }) },
      {
        status: 200,
        body: json({
          items: [entry('mine', 'alice'), entry('theirs', 'bob')],
          next_cursor: null,
          total: 2
        })
      }
    );
    await model.ensureMe();
    await model.start();
    for (const id of [
      CommandIDs.editEntry,
      CommandIDs.shareEntry,
      CommandIDs.deleteEntry
    ]) {
      expect(commands.isEnabled(id, { id: 'mine' })).toBe(true);
      expect(commands.isEnabled(id, { id: 'theirs' })).toBe(false);
    }
    expect(commands.isEnabled(CommandIDs.openDetails, { id: 'theirs' })).toBe(
      true
    );
    dispose();
  });

  it('works without a command palette', () => {
    const { commands, dispose } = setUp(false);
    expect(commands.hasCommand(CommandIDs.open)).toBe(true);
    dispose();
  });
});
