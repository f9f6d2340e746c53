/**
 * The entry wizard: "Add model", "Add notebook", and editing an entry.
 *
 * The panel's commands call `openEntryWizard`; the pure pieces (form ↔ API
 * body, keyword previews, the fields problems land on) are exported for
 * tests and reuse. The rules are the server's: the wizard asks it (a dry run
 * as the user types, the save itself) and places its answer.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { ITranslator } from '@jupyterlab/translation';
import type { Widget } from '@lumino/widgets';

import type { SharedModelsClient } from '../api/catalog';
import { TRANSLATION_DOMAIN } from '../tokens';
import type { IEntry } from '../api/types';
import { createWizardWidget, wizardId } from './WizardWidget';

export interface IWizardOptions {
  app: JupyterFrontEnd;
  client: SharedModelsClient;
  translator: ITranslator;
  kind: 'model' | 'notebook';
  /** The entry to edit; a new entry without. */
  entry?: IEntry;
  /**
   * "Share notebook…": the workspace path of the notebook to upload and
   * list (the wizard is an Add notebook wizard, prefilled from it).
   */
  notebookPath?: string;
  /** Called with the saved entry, before the wizard closes. */
  onSaved?: (entry: IEntry) => void;
}

/**
 * Open the wizard in the main area and activate it; a wizard already open for
 * the same entry (or the same kind of new entry) is activated instead.
 * On a successful save it calls `onSaved`, then closes itself.
 */
export function openEntryWizard(options: IWizardOptions): Widget {
  const { app, entry, notebookPath } = options;
  const kind = entry?.kind ?? options.kind;
  const id = wizardId(kind, entry, notebookPath);
  for (const widget of app.shell.widgets('main')) {
    if (widget.id === id) {
      app.shell.activateById(id);
      return widget;
    }
  }
  const widget = createWizardWidget({
    client: options.client,
    trans: options.translator.load(TRANSLATION_DOMAIN),
    kind,
    entry,
    notebookPath,
    onSaved: options.onSaved
  });
  app.shell.add(widget, 'main');
  app.shell.activateById(widget.id);
  return widget;
}

export { bodyFromForm, shareBodyFromForm } from './body';
export { ALIASES, resolveEnvironment, visibleFields } from './fields';
export { emptyForm, formFromEntry, shareForm, titleFromPath } from './form';
export type { IEntryForm } from './form';
export { keywordRules } from './keywords';
