/**
 * Notebooks between the workspace and the catalog: "Share notebook…" (the
 * notebook toolbar, the File menu, the file browser's context menu) and
 * "Open" (notebook cards and details).
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { Dialog, showDialog, showErrorMessage } from '@jupyterlab/apputils';
import type { IDocumentManager } from '@jupyterlab/docmanager';
import type { DocumentRegistry } from '@jupyterlab/docregistry';
import type { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import type { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { notebookIcon, shareIcon } from '@jupyterlab/ui-components';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { asApiError } from '../common/errors';
import type { SharedModelsModel } from '../catalog/model';
import { notifyProgress } from '../common/notify';
import { CommandIDs, TRANSLATION_DOMAIN } from '../tokens';
import type { IEntry } from '../api/types';

export interface INotebookCommandsOptions {
  app: JupyterFrontEnd;
  model: SharedModelsModel;
  translator: ITranslator;
  /** Finds open documents (unsaved changes) and the current notebook. */
  docManager: IDocumentManager | null;
  /** The file browser: its selection, and its folder (where Open copies to). */
  fileBrowser: IDefaultFileBrowser | null;
  /** A notebook was shared: the catalog shows it. */
  onShared: (entry: IEntry) => void;
}

/** A workspace notebook to share, and its open document if there is one. */
export interface INotebookTarget {
  path: string;
  context: DocumentRegistry.Context | null;
}

/** Whether a workspace path is a notebook. */
export function isNotebookPath(path: string): boolean {
  return /\.ipynb$/i.test(path);
}

/**
 * The notebook a "Share notebook…" call is about: an explicit `path`; the
 * notebook panel `widget` whose toolbar was used; the file browser's
 * selection (`source: "file-browser"`); else the current notebook.
 */
export function findNotebookTarget(
  args: ReadonlyPartialJSONObject,
  options: Pick<INotebookCommandsOptions, 'app' | 'docManager' | 'fileBrowser'>
): INotebookTarget | null {
  const { app, docManager, fileBrowser } = options;
  const contextOf = (path: string): DocumentRegistry.Context | null => {
    const widget = docManager?.findWidget(path, null);
    return (widget && docManager?.contextForWidget(widget)) ?? null;
  };
  if (typeof args.path === 'string' && args.path !== '') {
    return isNotebookPath(args.path)
      ? { path: args.path, context: contextOf(args.path) }
      : null;
  }
  if (args.source === 'file-browser') {
    if (!fileBrowser) {
      return null;
    }
    for (const item of fileBrowser.selectedItems()) {
      if (item.type === 'notebook' || isNotebookPath(item.path)) {
        return { path: item.path, context: contextOf(item.path) };
      }
    }
    return null;
  }
  let widget = app.shell.currentWidget;
  if (typeof args.widget === 'string') {
    for (const candidate of app.shell.widgets('main')) {
      if (candidate.id === args.widget) {
        widget = candidate;
        break;
      }
    }
  }
  const context = (widget && docManager?.contextForWidget(widget)) ?? null;
  if (!context || !isNotebookPath(context.path)) {
    return null;
  }
  return { path: context.path, context };
}

/**
 * Unsaved changes: ask whether to save first. True to go on (saved, or the
 * user chose the saved version), false to stop.
 */
export async function saveBeforeSharing(
  target: INotebookTarget,
  trans: TranslationBundle
): Promise<boolean> {
  const context = target.context;
  if (!context || !context.model.dirty) {
    return true;
  }
  const name = target.path.split('/').pop() ?? target.path;
  const result = await showDialog({
    title: trans.__('Save %1 before sharing it?', name),
    body: trans.__(
      'The notebook has unsaved changes. What is shared is the saved file: save it first to share your changes.'
    ),
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({
        label: trans.__('Share the saved version'),
        className: 'sme-mod-secondary',
        actions: ['keep']
      }),
      Dialog.okButton({ label: trans.__('Save and share'), actions: ['save'] })
    ],
    defaultButton: 2
  });
  if (!result.button.accept) {
    return false;
  }
  if (result.button.actions.includes('save')) {
    try {
      await context.save();
    } catch (reason) {
      await showErrorMessage(
        trans.__('Could not save %1', name),
        asApiError(reason)
      );
      return false;
    }
  }
  return true;
}

/** The file browser's folder as a workspace path ('' is the root). */
export function browserDirectory(
  fileBrowser: IDefaultFileBrowser | null
): string {
  if (!fileBrowser) {
    return '';
  }
  const { model } = fileBrowser;
  const contents = model.manager?.services?.contents;
  return contents ? contents.localPath(model.path) : model.path;
}

/** Register "Share notebook…" and "Open" (shared notebooks). */
export function addNotebookCommands(options: INotebookCommandsOptions): void {
  const { app, model, translator, fileBrowser } = options;
  const trans = translator.load(TRANSLATION_DOMAIN);
  const { commands } = app;

  commands.addCommand(CommandIDs.shareNotebook, {
    label: args => (args.toolbar ? '' : trans.__('Share notebook…')),
    caption: args =>
      args.toolbar
        ? trans.__('Share notebook…')
        : trans.__(
            'Share this notebook with your team: upload it to S3 and list it in Shared models'
          ),
    icon: shareIcon,
    describedBy: {
      args: {
        type: 'object',
        properties: {
          path: {
            type: 'string',
            description: 'The workspace path of the notebook to share'
          },
          widget: {
            type: 'string',
            description: 'The id of the notebook panel to share'
          },
          source: {
            type: 'string',
            enum: ['file-browser'],
            description: "Share the file browser's selected notebook"
          }
        }
      }
    },
    isEnabled: args =>
      args.toolbar === true ||
      args.source === 'file-browser' ||
      findNotebookTarget(args, options) !== null,
    execute: async args => {
      const target = findNotebookTarget(args, options);
      if (!target) {
        await showErrorMessage(
          trans.__('Nothing to share'),
          trans.__(
            'Open a notebook, or select one in the file browser, then choose Share notebook… again.'
          )
        );
        return;
      }
      if (!(await saveBeforeSharing(target, trans))) {
        return;
      }
      const { openEntryWizard } = await import('../wizard');
      openEntryWizard({
        app,
        client: model.client,
        translator,
        kind: 'notebook',
        notebookPath: target.path,
        onSaved: options.onShared
      });
    }
  });

  commands.addCommand(CommandIDs.openNotebook, {
    label: args =>
      args.isPalette ? trans.__('Open shared notebook') : trans.__('Open'),
    caption: trans.__(
      'Copy this shared notebook into your workspace and open it'
    ),
    icon: notebookIcon,
    describedBy: {
      args: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'The ID of the shared notebook' },
          directory: {
            type: 'string',
            description:
              "The workspace folder to copy it into (default: the file browser's folder)"
          }
        },
        required: ['id']
      }
    },
    execute: async args => {
      const id = String(args.id ?? '');
      const title = model.findEntry(id)?.title ?? id;
      const directory =
        typeof args.directory === 'string'
          ? args.directory
          : browserDirectory(fileBrowser);
      const request = model.client.openNotebook(id, directory);
      notifyProgress(
        request.then(
          opened => opened.path,
          reason => Promise.reject(asApiError(reason).message)
        ),
        {
          pending: trans.__('Copying “%1” into your workspace…', title),
          success: path => trans.__('Opened “%1” as %2.', title, path),
          error: message => trans.__('Could not open “%1”: %2', title, message)
        }
      );
      let path: string;
      try {
        path = (await request).path;
      } catch {
        return; // The notification says why.
      }
      void fileBrowser?.model.refresh();
      await commands.execute('docmanager:open', { path });
    }
  });
}
