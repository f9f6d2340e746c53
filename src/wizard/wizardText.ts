/**
 * What the entry wizard says about itself: its heading, intro, submit button
 * and busy status, for a new model or notebook, an edit, or "Share notebook…".
 */
import type { TranslationBundle } from '@jupyterlab/translation';

import type { IEntry, Kind } from '../api/types';

export interface IWizardText {
  heading: string;
  intro: string;
  submitLabel: string;
  /** Shown while the save is on its way. */
  busyStatus: string;
}

export function wizardText(
  trans: TranslationBundle,
  options: {
    kind: Kind;
    /** The entry being edited, if any. */
    entry?: IEntry;
    /** "Share notebook…": the workspace notebook to upload and list. */
    notebookPath?: string;
    sharing: boolean;
  }
): IWizardText {
  const { kind, entry, notebookPath, sharing } = options;
  const editing = entry !== undefined;
  const heading = editing
    ? trans.__('Edit %1', entry.title)
    : sharing
      ? trans.__('Share notebook')
      : kind === 'model'
        ? trans.__('Add model')
        : trans.__('Add notebook');
  const submitLabel = editing
    ? trans.__('Save changes')
    : sharing
      ? trans.__('Share notebook')
      : kind === 'model'
        ? trans.__('Add model')
        : trans.__('Add notebook');
  const intro =
    kind === 'model'
      ? trans.__(
          'Share a model with your team: what it is, how to train it, how to deploy it. Fields marked * are required.'
        )
      : sharing
        ? trans.__(
            'Share %1 with your team: it is uploaded to S3 and listed in the catalog. Fields marked * are required.',
            notebookPath
          )
        : trans.__(
            'Share a notebook with your team. Fields marked * are required.'
          );
  const busyStatus = sharing ? trans.__('Sharing…') : trans.__('Saving…');
  return { heading, intro, submitLabel, busyStatus };
}
