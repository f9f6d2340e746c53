import { Dialog, showDialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';

import type { IEntry } from '../api/types';

/**
 * Ask before deleting an entry. The focus starts on Cancel: Enter alone never
 * deletes anything.
 */
export async function confirmDelete(
  entry: Pick<IEntry, 'title' | 'kind' | 'id'>,
  trans: TranslationBundle
): Promise<boolean> {
  const body =
    entry.kind === 'notebook'
      ? trans.__(
          'The notebook “%1” (%2) will be removed from the catalog, for you and everyone it is shared with. This cannot be undone.',
          entry.title,
          entry.id
        )
      : trans.__(
          'The model “%1” (%2) will be removed from the catalog, for you and everyone it is shared with. This cannot be undone.',
          entry.title,
          entry.id
        );
  const result = await showDialog({
    title: trans.__('Delete “%1”?', entry.title),
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.warnButton({ label: trans.__('Delete') })
    ],
    defaultButton: 0
  });
  return result.button.accept;
}

/**
 * Someone else changed the entry since it was loaded (HTTP 412). True when
 * the user wants the latest version.
 */
export async function confirmReload(
  title: string,
  trans: TranslationBundle
): Promise<boolean> {
  const result = await showDialog({
    title: trans.__('“%1” was changed by someone else', title),
    body: trans.__(
      'It changed after you opened it, so your change was not saved. Reload it to see the latest version, then try again.'
    ),
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({ label: trans.__('Reload') })
    ]
  });
  return result.button.accept;
}
