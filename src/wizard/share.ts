/**
 * "Share notebook…": its progress in JupyterLab's notifications (the request
 * itself is `saveEntry`'s, the form's problems are the wizard's).
 */
import type { TranslationBundle } from '@jupyterlab/translation';

import { notifyProgress } from '../common/notify';
import type { IEntry } from '../api/types';
import type { IEntryForm } from './form';
import { asApiError } from './save';

/** The progress of "Share notebook…", in JupyterLab's notifications. */
export function notifySharing(
  request: Promise<IEntry>,
  form: IEntryForm,
  trans: TranslationBundle
): void {
  const path = form.notebook.path ?? '';
  notifyProgress(
    request.then(
      entry => entry.title,
      reason => Promise.reject(asApiError(reason).message)
    ),
    {
      pending: trans.__('Sharing %1…', path),
      success: title =>
        trans.__('Shared “%1”: find it under Shared by me.', title),
      error: message => trans.__('Could not share %1: %2', path, message)
    }
  );
}
