import type { JupyterFrontEnd } from '@jupyterlab/application';
import {
  ICommandPalette,
  Notification,
  showErrorMessage
} from '@jupyterlab/apputils';
import type { IDocumentManager } from '@jupyterlab/docmanager';
import type { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import type { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import type { ITranslator } from '@jupyterlab/translation';
import {
  addIcon,
  deleteIcon,
  editIcon,
  infoIcon,
  refreshIcon,
  shareIcon
} from '@jupyterlab/ui-components';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { asApiError } from '../common/errors';
import { ENTRY_ARGS, entryFetcher } from './entryCommands';
import { sharedModelsIcon } from '../common/icons';
import type { SharedModelsModel } from './model';
import { addNotebookCommands } from '../notebooks/commands';
import { CommandIDs, TRANSLATION_DOMAIN } from '../tokens';
import type { IEntry, Kind } from '../api/types';
import type { DetailsManager } from '../details/widget';
import type { SharedModelsPanel } from './panel';

export interface ICommandsOptions {
  app: JupyterFrontEnd;
  panel: SharedModelsPanel;
  model: SharedModelsModel;
  translator: ITranslator;
  palette: ICommandPalette | null;
  rendermime: IRenderMimeRegistry | null;
  /** Open documents: "Share notebook…" asks to save unsaved changes. */
  docManager?: IDocumentManager | null;
  /** The file browser: its selection and folder. */
  fileBrowser?: IDefaultFileBrowser | null;
}

const NO_ARGS = { args: { type: 'object', properties: {} } } as const;

/**
 * Register the extension's commands, and list Open, Add model and Add
 * notebook in the palette. Wizards, dialogs and the details view are loaded
 * the first time they are used.
 */
export function addCommands(options: ICommandsOptions): void {
  const { app, panel, model, translator, palette } = options;
  const trans = translator.load(TRANSLATION_DOMAIN);
  const { commands } = app;
  let details: DetailsManager | null = null;

  const detailsManager = async (): Promise<DetailsManager> => {
    if (!details) {
      const { DetailsManager } = await import('../details/widget');
      details = new DetailsManager({
        app,
        catalog: model,
        rendermime: options.rendermime,
        translator
      });
    }
    return details;
  };

  const onSaved = (entry: IEntry, created: boolean): void => {
    void model.entrySaved(entry, created);
    details?.saved(entry);
  };

  const openWizard = async (kind: Kind, entry?: IEntry): Promise<void> => {
    const { openEntryWizard } = await import('../wizard');
    openEntryWizard({
      app,
      client: model.client,
      translator,
      kind,
      entry,
      onSaved: saved => onSaved(saved, entry === undefined)
    });
  };

  /** The entry of a command, as the server has it now; null on failure. */
  const fetchEntry = entryFetcher(model.client, trans);

  /** Owners only: false for entries the list knows belong to someone else. */
  const mayChange = (args: ReadonlyPartialJSONObject): boolean => {
    const entry = model.findEntry(String(args.id ?? ''));
    return entry === undefined || model.isOwner(entry);
  };

  commands.addCommand(CommandIDs.open, {
    label: trans.__('Open Shared models'),
    caption: trans.__('Show the Shared models panel'),
    icon: sharedModelsIcon,
    describedBy: NO_ARGS,
    execute: () => {
      app.shell.activateById(panel.id);
    }
  });

  commands.addCommand(CommandIDs.addModel, {
    label: trans.__('Add model'),
    caption: trans.__('Share a model with your team'),
    icon: args => (args.isPalette ? undefined : addIcon),
    describedBy: NO_ARGS,
    execute: () => openWizard('model')
  });

  commands.addCommand(CommandIDs.addNotebook, {
    label: trans.__('Add notebook'),
    caption: trans.__('Share a notebook with your team'),
    icon: args => (args.isPalette ? undefined : addIcon),
    describedBy: NO_ARGS,
    execute: () => openWizard('notebook')
  });

  commands.addCommand(CommandIDs.editEntry, {
    label: trans.__('Edit'),
    caption: trans.__('Change a model or notebook you shared'),
    icon: editIcon,
    describedBy: ENTRY_ARGS,
    isEnabled: mayChange,
    execute: async args => {
      const entry = await fetchEntry(args);
      if (entry) {
        await openWizard(entry.kind, entry);
      }
    }
  });

  commands.addCommand(CommandIDs.shareEntry, {
    label: trans.__('Share…'),
    caption: trans.__('Change who a model or notebook is shared with'),
    icon: shareIcon,
    describedBy: ENTRY_ARGS,
    isEnabled: mayChange,
    execute: async args => {
      const entry = await fetchEntry(args);
      if (!entry) {
        return;
      }
      const { shareEntry } = await import('../sharing/dialog');
      // Its limits, and whether the entry may have Canvas users at all.
      await model.ensureOptions();
      const options = model.options;
      const saved = await shareEntry({
        client: model.client,
        entry,
        rules: options.status === 'ready' ? options.value.rules.share : null,
        trans
      });
      if (saved) {
        onSaved(saved, false);
        Notification.success(
          trans.__('The sharing of “%1” was saved.', saved.title),
          { autoClose: 4000 }
        );
      }
    }
  });

  commands.addCommand(CommandIDs.deleteEntry, {
    label: trans.__('Delete'),
    caption: trans.__('Delete a model or notebook you shared'),
    icon: deleteIcon,
    describedBy: ENTRY_ARGS,
    isEnabled: mayChange,
    execute: async args => {
      const id = String(args.id ?? '');
      const entry = model.findEntry(id) ?? (await fetchEntry(args));
      if (!entry) {
        return;
      }
      const { confirmDelete, confirmReload } = await import('./deleteDialog');
      if (!(await confirmDelete(entry, trans))) {
        return;
      }
      try {
        await model.client.deleteEntry(entry.id, entry.version);
      } catch (reason) {
        const error = asApiError(reason);
        if (error.status === 412) {
          if (await confirmReload(entry.title, trans)) {
            void model.refresh();
            (await detailsManager()).open(entry.id);
          }
          return;
        }
        if (error.status === 404) {
          // Already gone: show the catalog as it is.
          model.entryDeleted(entry.id);
          details?.deleted(entry.id);
          return;
        }
        await showErrorMessage(
          trans.__('Could not delete “%1”', entry.title),
          error
        );
        return;
      }
      model.entryDeleted(entry.id);
      details?.deleted(entry.id);
    }
  });

  commands.addCommand(CommandIDs.openDetails, {
    label: trans.__('Details'),
    caption: trans.__('Show every field of a shared model or notebook'),
    icon: infoIcon,
    describedBy: ENTRY_ARGS,
    execute: async args => {
      (await detailsManager()).open(String(args.id ?? ''));
    }
  });

  commands.addCommand(CommandIDs.refresh, {
    label: trans.__('Refresh Shared models'),
    caption: trans.__('Load the shared models list again'),
    icon: refreshIcon,
    describedBy: NO_ARGS,
    execute: () => model.refresh()
  });

  addNotebookCommands({
    app,
    model,
    translator,
    docManager: options.docManager ?? null,
    fileBrowser: options.fileBrowser ?? null,
    onShared: entry => onSaved(entry, true)
  });

  const category = trans.__('Shared Models');
  for (const command of [
    CommandIDs.open,
    CommandIDs.addModel,
    CommandIDs.addNotebook,
    CommandIDs.shareNotebook,
    CommandIDs.refresh
  ]) {
    palette?.addItem({ command, category });
  }
}
