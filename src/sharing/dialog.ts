import { Dialog, showDialog, showErrorMessage } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { SharedModelsClient } from '../api/catalog';
import { IShareFormValue, ShareForm, toFormValue, toShare } from './ShareForm';
import { asApiError } from '../common/errors';
import type { IEntry, IEntryInput } from '../api/types';
import { confirmReload } from '../catalog/deleteDialog';

/** The body of `PUT /entries/{id}` that keeps everything of `entry`. */
export function toEntryInput(entry: IEntry): IEntryInput {
  return {
    id: entry.id,
    kind: entry.kind,
    title: entry.title,
    description: entry.description,
    data_type: entry.data_type,
    task: entry.task,
    framework: entry.framework,
    keywords: entry.keywords,
    share: entry.share,
    training: entry.training,
    inference: entry.inference,
    notebook: entry.notebook
  };
}

export interface IShareOptions {
  client: SharedModelsClient;
  /** The entry as last loaded (its version guards the save). */
  entry: IEntry;
  trans: TranslationBundle;
}

/**
 * The Share… dialog: change who sees an entry and save it with `If-Match`.
 *
 * Resolves with the saved entry, or null when the user gave up. When someone
 * else changed the entry meanwhile (412), offers to reload it and shows the
 * dialog again on the latest version, with the user's choices kept.
 */
export async function shareEntry(
  options: IShareOptions
): Promise<IEntry | null> {
  const { client, trans } = options;
  let entry = options.entry;
  let value = toFormValue(entry.share);
  let problems: string[] = [];
  for (;;) {
    const result = await showDialog<IShareFormValue>({
      title: trans.__('Share “%1”', entry.title),
      body: new ShareBody(entry, value, problems, trans),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: trans.__('Save') })
      ]
    });
    if (!result.button.accept || result.value === null) {
      return null;
    }
    value = result.value;
    const checked = toShare(value, entry, trans);
    problems = checked.problems;
    if (problems.length > 0) {
      continue;
    }
    try {
      return await client.replaceEntry(
        entry.id,
        { ...toEntryInput(entry), share: checked.share },
        entry.version
      );
    } catch (reason) {
      const error = asApiError(reason);
      if (error.status === 412) {
        if (!(await confirmReload(entry.title, trans))) {
          return null;
        }
        try {
          entry = await client.getEntry(entry.id);
        } catch (again) {
          await showErrorMessage(
            trans.__('Could not reload “%1”', entry.title),
            asApiError(again)
          );
          return null;
        }
        continue;
      }
      if (error.status === 400 && error.details.length > 0) {
        problems = error.details.map(detail => detail.msg);
        continue;
      }
      await showErrorMessage(
        trans.__('Could not change the sharing of “%1”', entry.title),
        error
      );
      return null;
    }
  }
}

/** The dialog body: the share form, whose latest value the dialog reads. */
class ShareBody
  extends ReactWidget
  implements Dialog.IBodyWidget<IShareFormValue>
{
  constructor(
    entry: IEntry,
    initial: IShareFormValue,
    problems: string[],
    trans: TranslationBundle
  ) {
    super();
    this.addClass('sme-ShareDialog');
    this._entry = entry;
    this._value = initial;
    this._problems = problems;
    this._trans = trans;
  }

  getValue(): IShareFormValue {
    return this._value;
  }

  protected render(): JSX.Element {
    return React.createElement(ShareForm, {
      entry: this._entry,
      initial: this._value,
      problems: this._problems,
      onChange: value => {
        this._value = value;
      },
      trans: this._trans
    });
  }

  private _entry: IEntry;
  private _problems: string[];
  private _trans: TranslationBundle;
  private _value: IShareFormValue;
}
