import { Dialog, showErrorMessage } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { SharedModelsClient } from '../api/catalog';
import { ValidationClient } from '../api/validation';
import {
  IShareFormValue,
  IShareRules,
  ShareForm,
  shareFields,
  toFormValue,
  toShare
} from './ShareForm';
import { asApiError } from '../common/errors';
import { FormModel } from '../common/form';
import type { IEntry, IEntryInput } from '../api/types';
import { confirmReload } from '../catalog/deleteDialog';
import {
  checkBeforeSubmit,
  focusFirstProblem,
  runDialog,
  SubmitDialog
} from '../launch/submitDialog';

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
  /** The served rules of a share: its limits, who may have Canvas users (null: not loaded). */
  rules?: IShareRules | null;
  trans: TranslationBundle;
  /** How long typing pauses before the server checks the form (ms). */
  checkDelay?: number;
}

/**
 * The Share… dialog: change who sees an entry and save it with `If-Match`.
 * The server checks the share as the user types (`PUT …?dry_run=true`) and on
 * save; its 400 details land on their fields and the dialog stays open.
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
  for (;;) {
    const outcome = await showShareDialog(options, entry, value);
    if (outcome === null || 'saved' in outcome) {
      return outcome?.saved ?? null;
    }
    value = outcome.stale;
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
  }
}

/** How one Share… dialog ended: saved, or stale (412) with the user's choices. */
type ShareOutcome = { saved: IEntry } | { stale: IShareFormValue } | null;

/** One Share… dialog on `entry`, starting from `initial`. */
async function showShareDialog(
  options: IShareOptions,
  entry: IEntry,
  initial: IShareFormValue
): Promise<ShareOutcome> {
  const { client, trans } = options;
  const rules = options.rules ?? null;
  const validation = new ValidationClient(client.serverSettings);
  const request = (value: IShareFormValue): IEntryInput => ({
    ...toEntryInput(entry),
    share: toShare(value, entry, rules)
  });
  const fields = shareFields(entry, rules);
  const state = new FormModel<IShareFormValue>({
    value: initial,
    fields: () => fields,
    validate: (value, signal) =>
      validation.replaceEntry(entry.id, request(value), entry.version, {
        signal
      }),
    delay: options.checkDelay
  });
  const body = ReactWidget.create(
    React.createElement(ShareForm, {
      entry,
      state,
      rules,
      trans
    })
  );
  body.addClass('sme-ShareDialog');
  body.disposed.connect(() => state.dispose());

  let outcome: ShareOutcome = null;
  const save = async (): Promise<boolean> => {
    if (!(await checkBeforeSubmit(state, body.node))) {
      return false;
    }
    state.busy = true;
    try {
      outcome = {
        saved: await client.replaceEntry(
          entry.id,
          request(state.value),
          entry.version
        )
      };
      return true;
    } catch (reason) {
      const error = asApiError(reason);
      if (error.status === 412) {
        outcome = { stale: state.value };
        return true;
      }
      state.showFailure(error);
      focusFirstProblem(body.node);
      return false;
    } finally {
      state.busy = false;
    }
  };

  const dialog = new SubmitDialog<void>({
    title: trans.__('Share “%1”', entry.title),
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({ label: trans.__('Save') })
    ],
    defaultButton: 1,
    hasClose: true,
    focusNodeSelector: 'input',
    onButton: () => save()
  });
  await runDialog(dialog, body);
  return outcome;
}
