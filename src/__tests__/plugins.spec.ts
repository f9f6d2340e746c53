import type { JupyterFrontEnd } from '@jupyterlab/application';
import { CommandRegistry } from '@lumino/commands';
import { DisposableDelegate } from '@lumino/disposable';

import plugins from '../index';
import { DestinationCommandIDs } from '../destinations/service';
import {
  CommandIDs,
  DESTINATIONS_PLUGIN_ID,
  IEntryExtension,
  ILaunches,
  ISharedModels,
  LAUNCH_PLUGIN_ID,
  LOCAL_RUNS_PLUGIN_ID,
  PLUGIN_ID
} from '../tokens';
import { makeEntry, routedSettings } from './helpers';

/** A catalog as the main plugin provides it, recording what is added to it. */
function fakeCatalog() {
  const extensions: IEntryExtension[] = [];
  const sections: unknown[] = [];
  const { settings } = routedSettings(() => ({ status: 404, body: '{}' }));
  const catalog = {
    serverSettings: settings,
    me: { status: 'ready', value: { username: 'alice', display_name: 'A' } },
    options: { status: 'loading' },
    ensureOptions: async () => undefined,
    isOwner: (entry: { owner: string }) => entry.owner === 'alice',
    findEntry: () => undefined,
    getEntry: async () => makeEntry({ id: 'x' }),
    refresh: async () => undefined,
    addEntryExtension: (extension: IEntryExtension) => {
      extensions.push(extension);
      return new DisposableDelegate(() => undefined);
    },
    addPanelSection: (widget: unknown) => sections.push(widget)
  } as unknown as ISharedModels;
  return { catalog, extensions, sections };
}

const byId = (id: string) => plugins.find(plugin => plugin.id === id)!;

describe('the plugins', () => {
  it('the main plugin provides the catalog; launching, local runs and destinations require it', () => {
    expect(plugins.map(plugin => plugin.id)).toEqual([
      PLUGIN_ID,
      LAUNCH_PLUGIN_ID,
      LOCAL_RUNS_PLUGIN_ID,
      DESTINATIONS_PLUGIN_ID
    ]);
    expect(byId(PLUGIN_ID).provides).toBe(ISharedModels);
    expect(byId(LAUNCH_PLUGIN_ID).provides).toBe(ILaunches);
    for (const id of [
      LAUNCH_PLUGIN_ID,
      LOCAL_RUNS_PLUGIN_ID,
      DESTINATIONS_PLUGIN_ID
    ]) {
      expect(byId(id).requires).toContain(ISharedModels);
      expect(byId(id).autoStart).toBe(true);
    }
    expect(byId(LOCAL_RUNS_PLUGIN_ID).requires).toContain(ILaunches);
    expect(byId(DESTINATIONS_PLUGIN_ID).optional).toContain(ILaunches);
  });

  it('each adds its commands, buttons and sections through the tokens only', () => {
    const commands = new CommandRegistry();
    const app = {
      commands,
      shell: { add: jest.fn(), activateById: jest.fn() },
      serviceManager: {}
    } as unknown as JupyterFrontEnd;
    const { catalog, extensions, sections } = fakeCatalog();

    const launches = byId(LAUNCH_PLUGIN_ID).activate(
      app,
      catalog,
      null,
      null,
      null
    ) as ILaunches;
    expect(commands.hasCommand(CommandIDs.train)).toBe(true);
    expect(commands.hasCommand(CommandIDs.deploy)).toBe(true);
    expect(commands.hasCommand(CommandIDs.openLaunch)).toBe(true);
    expect(sections).toHaveLength(1); // My launches
    expect(typeof launches.launched).toBe('function');

    void byId(LOCAL_RUNS_PLUGIN_ID).activate(app, catalog, launches, null);
    expect(commands.hasCommand(CommandIDs.runLocally)).toBe(true);

    void byId(DESTINATIONS_PLUGIN_ID).activate(app, catalog, null, launches);
    expect(commands.hasCommand(DestinationCommandIDs.registerCleanRooms)).toBe(
      true
    );
    expect(commands.hasCommand(DestinationCommandIDs.publishToHub)).toBe(true);
    // Its buttons go on the catalog's cards.
    expect(extensions).toHaveLength(1);
    const model = makeEntry({ id: 'churn', owner: 'alice' });
    expect(
      extensions[0].actions!(model, true).map(action => action.label)
    ).toEqual(['Register with Clean Rooms ML', 'Publish to hub…']);
    expect(
      extensions[0].actions!(model, false).map(action => action.label)
    ).toEqual(['Register with Clean Rooms ML']);
  });
});
