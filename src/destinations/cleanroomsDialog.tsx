/**
 * The Register with Clean Rooms ML dialog: prefilled from the entry, checked
 * by the server as the user types (`?dry_run=true`, debounced), sent once it
 * checks out; the server's 400 details land on their fields while the dialog
 * stays open.
 */
import { Dialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import { FormState } from '../launch/form';
import { runDialog, submitLaunch, SubmitDialog } from '../launch/submitDialog';
import type { IEntry } from '../api/types';
import type { DestinationsClient } from '../api/destinations';
import { CleanRoomsForm } from './CleanRoomsForm';
import {
  cleanroomsBody,
  cleanroomsFieldKeys,
  cleanroomsFormValue
} from './cleanroomsForm';
import { normaliseError } from './details';
import { LiveCheck } from './liveCheck';
import type { ICleanRoomsRegistered, ICleanRoomsRegistration } from './types';

/** Class name of the dialog's accepting button. */
export const REGISTER_CLASS = 'sme-DestinationDialog-register';

let counter = 0;

export interface ICleanRoomsDialogOptions {
  entry: IEntry;
  client: DestinationsClient;
  trans: TranslationBundle;
  /** How long typing pauses before the server checks the form (ms). */
  checkDelay?: number;
  onRegistered: (registered: ICleanRoomsRegistered) => void;
}

/** The Register with Clean Rooms ML dialog: resolves when it closes. */
export async function showCleanRoomsDialog(
  options: ICleanRoomsDialogOptions
): Promise<void> {
  const { entry, client, trans, onRegistered } = options;
  const keys = cleanroomsFieldKeys();
  const live = new LiveCheck<ICleanRoomsRegistration>({
    check: (body, signal) => client.checkCleanRooms(entry.id, body, { signal }),
    keys: () => keys,
    delay: options.checkDelay
  });
  const state = new FormState({
    value: cleanroomsFormValue(entry),
    // The server's last verdict: shown on the fields the user has touched.
    check: () => live.problems
  });
  const body = ReactWidget.create(
    <CleanRoomsForm
      entry={entry}
      state={state}
      live={live}
      idPrefix={`sme-cleanrooms-${++counter}`}
      trans={trans}
    />
  );
  body.addClass('sme-LaunchDialog-body');
  body.disposed.connect(() => live.dispose());
  // The image warning shows before the user types anything.
  void live.flush(cleanroomsBody(state.value));

  const register = async (): Promise<boolean> => {
    // The verdict on what is in the form now, not on what was typed before.
    await live.flush(cleanroomsBody(state.value));
    return submitLaunch({
      state,
      body,
      keys,
      choices: cleanroomsBody,
      nameOf: choices => choices.name,
      send: choices =>
        client.registerCleanRooms(entry.id, choices).catch(reason => {
          throw normaliseError(reason, keys);
        }),
      launchedName: registered => registered.configured_model_algorithm_arn,
      messages: name => ({
        pending: trans.__('Registering %1 with Clean Rooms ML…', name),
        success: arn => trans.__('Registered with Clean Rooms ML: %1', arn),
        error: message => trans.__('Could not register %1: %2', name, message)
      }),
      onLaunched: onRegistered
    });
  };

  const dialog = new SubmitDialog<void>({
    title: trans.__('Register with Clean Rooms ML'),
    label: trans.__('Register %1 with Clean Rooms ML', entry.title),
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({
        label: trans.__('Register'),
        className: REGISTER_CLASS
      })
    ],
    defaultButton: 1,
    hasClose: true,
    focusNodeSelector: 'input',
    onButton: () => register()
  });
  dialog.addClass('sme-LaunchDialog');
  dialog.addClass('sme-DestinationDialog');
  return runDialog(dialog, body);
}
