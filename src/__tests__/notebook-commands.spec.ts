import type { JupyterFrontEnd } from '@jupyterlab/application';
import { Dialog, Notification } from '@jupyterlab/apputils';
import type { IDocumentManager } from '@jupyterlab/docmanager';
import type { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { nullTranslator } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';

import { SharedModelsClient } from '../api/catalog';
import { SharedModelsModel } from '../catalog/model';
import {
  addNotebookCommands,
  browserDirectory,
  findNotebookTarget,
  saveBeforeSharing
} from '../notebooks/commands';
import { notifyProgress } from '../common/notify';
import { CommandIDs, TRANSLATION_DOMAIN } from '../tokens';
import { flush, json, routedSettings, waitFor } from './helpers';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

/** A document context as the notebook command sees it. */
function context(path: string, dirty = false) {
  return {
    path,
    model: { dirty },
    save: jest.fn(async () => undefined)
  };
}

/** An app, document manager and file browser made of just what is used. */
function setUp(
  options: {
    current?: Widget | null;
    open?: Record<string, ReturnType<typeof context>>;
    selected?: Array<{ path: string; type: string }>;
    folder?: string;
    route?: Parameters<typeof routedSettings>[0];
  } = {}
) {
  const commands = new CommandRegistry();
  const docmanagerOpen = jest.fn();
  commands.addCommand('docmanager:open', {
    execute: docmanagerOpen,
    describedBy: { args: { type: 'object', properties: {} } }
  });
  const widgets = new Map<Widget, ReturnType<typeof context>>();
  for (const [path, ctx] of Object.entries(options.open ?? {})) {
    const widget = new Widget();
    widget.id = `panel-${path}`;
    widgets.set(widget, ctx);
  }
  const add = jest.fn();
  const app = {
    commands,
    shell: {
      currentWidget: options.current ?? null,
      widgets: () => [...widgets.keys()][Symbol.iterator](),
      add,
      activateById: jest.fn()
    }
  } as unknown as JupyterFrontEnd;
  const docManager = {
    findWidget: (path: string) =>
      [...widgets.entries()].find(([, ctx]) => ctx.path === path)?.[0],
    contextForWidget: (widget: Widget) => widgets.get(widget)
  } as unknown as IDocumentManager;
  const refresh = jest.fn(async () => undefined);
  const fileBrowser = {
    selectedItems: () => (options.selected ?? [])[Symbol.iterator](),
    model: {
      path: options.folder ?? '',
      refresh,
      manager: {
        services: {
          contents: { localPath: (path: string) => path.replace(/^\w+:/, '') }
        }
      }
    }
  } as unknown as IDefaultFileBrowser;
  const { settings, requests } = routedSettings(
    options.route ??
      (() => ({ status: 404, body: json({ error: { message: 'no' } }) }))
  );
  const model = new SharedModelsModel({
    client: new SharedModelsClient({ serverSettings: settings })
  });
  const onShared = jest.fn();
  addNotebookCommands({
    app,
    model,
    translator: nullTranslator,
    docManager,
    fileBrowser,
    onShared
  });
  const widgetOf = (path: string) =>
    [...widgets.entries()].find(([, ctx]) => ctx.path === path)![0];
  return {
    app,
    commands,
    add,
    docManager,
    fileBrowser,
    refresh,
    requests,
    docmanagerOpen,
    widgetOf
  };
}

describe('findNotebookTarget', () => {
  it('takes an explicit path (notebooks only)', () => {
    const { app, docManager, fileBrowser } = setUp({
      open: { 'a.ipynb': context('a.ipynb') }
    });
    const options = { app, docManager, fileBrowser };
    const target = findNotebookTarget({ path: 'a.ipynb' }, options);
    expect(target?.path).toBe('a.ipynb');
    expect(target?.context?.path).toBe('a.ipynb');
    expect(findNotebookTarget({ path: 'b.ipynb' }, options)).toEqual({
      path: 'b.ipynb',
      context: null
    });
    expect(findNotebookTarget({ path: 'notes.txt' }, options)).toBeNull();
  });

  it("takes the file browser's first selected notebook", () => {
    const { app, docManager, fileBrowser } = setUp({
      selected: [
        { path: 'data.csv', type: 'file' },
        { path: 'work/eda.ipynb', type: 'notebook' }
      ]
    });
    expect(
      findNotebookTarget(
        { source: 'file-browser' },
        { app, docManager, fileBrowser }
      )?.path
    ).toBe('work/eda.ipynb');
  });

  it('takes the notebook panel of a toolbar, else the current notebook', () => {
    const env = setUp({
      open: { 'a.ipynb': context('a.ipynb'), 'b.ipynb': context('b.ipynb') }
    });
    const { app, docManager, fileBrowser } = env;
    const options = { app, docManager, fileBrowser };
    (app.shell as unknown as { currentWidget: Widget }).currentWidget =
      env.widgetOf('b.ipynb');
    expect(findNotebookTarget({}, options)?.path).toBe('b.ipynb');
    expect(
      findNotebookTarget(
        { toolbar: true, widget: env.widgetOf('a.ipynb').id },
        options
      )?.path
    ).toBe('a.ipynb');
  });

  it('finds nothing to share when the current document is not a notebook', () => {
    const env = setUp({ open: { 'c.py': context('c.py') } });
    const { app, docManager, fileBrowser } = env;
    (app.shell as unknown as { currentWidget: Widget }).currentWidget =
      env.widgetOf('c.py');
    expect(findNotebookTarget({}, { app, docManager, fileBrowser })).toBeNull();
    (app.shell as unknown as { currentWidget: Widget | null }).currentWidget =
      null;
    expect(findNotebookTarget({}, { app, docManager, fileBrowser })).toBeNull();
  });
});

describe('saveBeforeSharing', () => {
  afterEach(() => {
    Dialog.flush();
    document.body.innerHTML = '';
  });

  const answer = async (label: string) => {
    await waitFor(() => document.querySelector('.jp-Dialog') !== null);
    expect(document.querySelector('.jp-Dialog')!.textContent).toContain(
      'unsaved changes'
    );
    const button = Array.from(
      document.querySelectorAll<HTMLButtonElement>('.jp-Dialog-footer button')
    ).find(item => item.textContent?.trim() === label)!;
    button.click();
  };

  it('goes on at once when nothing is unsaved', async () => {
    const ctx = context('a.ipynb');
    await expect(
      saveBeforeSharing({ path: 'a.ipynb', context: ctx as never }, trans)
    ).resolves.toBe(true);
    await expect(
      saveBeforeSharing({ path: 'a.ipynb', context: null }, trans)
    ).resolves.toBe(true);
    expect(document.querySelector('.jp-Dialog')).toBeNull();
  });

  it('saves first when asked to', async () => {
    const ctx = context('a.ipynb', true);
    const done = saveBeforeSharing(
      { path: 'a.ipynb', context: ctx as never },
      trans
    );
    await answer('Save and share');
    await expect(done).resolves.toBe(true);
    expect(ctx.save).toHaveBeenCalledTimes(1);
  });

  it('shares the saved version without saving, or stops', async () => {
    const ctx = context('a.ipynb', true);
    let done = saveBeforeSharing(
      { path: 'a.ipynb', context: ctx as never },
      trans
    );
    await answer('Share the saved version');
    await expect(done).resolves.toBe(true);
    done = saveBeforeSharing({ path: 'a.ipynb', context: ctx as never }, trans);
    await answer('Cancel');
    await expect(done).resolves.toBe(false);
    expect(ctx.save).not.toHaveBeenCalled();
  });
});

describe('the notebook commands', () => {
  afterEach(() => {
    Dialog.flush();
    document.body.innerHTML = '';
    jest.restoreAllMocks();
  });

  it('label "Share notebook…" everywhere but the toolbar (an icon with a tooltip)', () => {
    const { commands } = setUp();
    expect(CommandIDs.shareNotebook).toBe('shared-models:share-notebook');
    expect(commands.label(CommandIDs.shareNotebook)).toBe('Share notebook…');
    expect(commands.label(CommandIDs.shareNotebook, { toolbar: true })).toBe(
      ''
    );
    expect(commands.caption(CommandIDs.shareNotebook, { toolbar: true })).toBe(
      'Share notebook…'
    );
    expect(commands.label(CommandIDs.openNotebook)).toBe('Open');
  });

  it('is enabled for a notebook only (the File menu)', () => {
    const { commands } = setUp();
    expect(commands.isEnabled(CommandIDs.shareNotebook)).toBe(false);
    expect(
      commands.isEnabled(CommandIDs.shareNotebook, { source: 'file-browser' })
    ).toBe(true);
    expect(
      commands.isEnabled(CommandIDs.shareNotebook, { path: 'a.ipynb' })
    ).toBe(true);
  });

  it('opens the Share notebook wizard for the notebook', async () => {
    const { commands, add } = setUp({
      route: () => ({ status: 200, body: '{}' })
    });
    await commands.execute(CommandIDs.shareNotebook, { path: 'work/a.ipynb' });
    expect(add).toHaveBeenCalledTimes(1);
    const [widget, area] = add.mock.calls[0];
    expect(area).toBe('main');
    expect(widget.id).toBe('shared-models-wizard-share-work%2Fa.ipynb');
    expect(widget.title.label).toBe('Share a.ipynb');
    widget.dispose();
  });

  it("copies a shared notebook into the file browser's folder, then opens it", async () => {
    const promise = jest.spyOn(Notification, 'promise');
    const { commands, requests, docmanagerOpen, refresh } = setUp({
      folder: 'drive:work',
      route: () => ({ status: 201, body: json({ path: 'work/eda-1.ipynb' }) })
    });
    await commands.execute(CommandIDs.openNotebook, { id: 'eda' });
    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe('POST');
    expect(new URL(requests[0].url).pathname).toMatch(
      /shared-models\/api\/entries\/eda\/open$/
    );
    expect(await requests[0].json()).toEqual({ directory: 'work' });
    expect(docmanagerOpen).toHaveBeenCalledWith({ path: 'work/eda-1.ipynb' });
    expect(refresh).toHaveBeenCalled();
    // The progress is JupyterLab's notification.
    expect(promise).toHaveBeenCalledTimes(1);
    expect(promise.mock.calls[0][1].pending.message).toBe(
      'Copying “eda” into your workspace…'
    );
  });

  it('copies into an explicit folder; a failure opens nothing', async () => {
    const { commands, requests, docmanagerOpen } = setUp({
      folder: 'elsewhere',
      route: () => ({
        status: 404,
        body: json({ error: { code: 'not_found', message: 'Gone.' } })
      })
    });
    await commands.execute(CommandIDs.openNotebook, {
      id: 'eda',
      directory: ''
    });
    expect(await requests[0].json()).toEqual({ directory: '' });
    expect(docmanagerOpen).not.toHaveBeenCalled();
  });
});

describe('browserDirectory', () => {
  it('is the root without a file browser, else its folder without the drive', () => {
    expect(browserDirectory(null)).toBe('');
    const { fileBrowser } = setUp({ folder: 'RTC:a/b' });
    expect(browserDirectory(fileBrowser)).toBe('a/b');
  });
});

describe('notifyProgress', () => {
  const find = (id: string) =>
    Notification.manager.notifications.find(item => item.id === id);

  it('shows the pending message for a while, then the outcome', async () => {
    const id = notifyProgress(
      Promise.resolve('work/eda.ipynb'),
      {
        pending: 'Copying…',
        success: path => `Opened as ${path}.`,
        error: message => `Failed: ${message}`
      },
      50
    );
    await flush();
    // Settled at once, yet still pending: the first toast needs time to show.
    expect(find(id)).toMatchObject({
      type: 'in-progress',
      message: 'Copying…'
    });
    await waitFor(() => find(id)?.type === 'success');
    expect(find(id)?.message).toBe('Opened as work/eda.ipynb.');
  });

  it("says the failure's message", async () => {
    const id = notifyProgress(
      Promise.reject('AWS said AccessDenied.'),
      { pending: 'Sharing…', success: () => 'ok', error: m => `Failed: ${m}` },
      0
    );
    await waitFor(() => find(id)?.type === 'error');
    expect(find(id)?.message).toBe('Failed: AWS said AccessDenied.');
  });
});
