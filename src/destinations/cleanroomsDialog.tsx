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

import { FormModel } from '../common/form';
import { runDialog, submitLaunch, SubmitDialog } from '../launch/submitDialog';
import type { IEntry } from '../api/types';
import type { DestinationsClient } from '../api/destinations';
import { ValidationClient } from '../api/validation';
import { CleanRoomsForm } from './CleanRoomsForm';
import {
  cleanroomsBody,
  cleanroomsFieldKeys,
  cleanroomsFormValue
} from './cleanroomsForm';
import type { ICleanRoomsRegistered } from './types';

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
  const keys = new Set(cleanroomsFieldKeys());
  const validation = new ValidationClient(client.serverSettings);
  const state = new FormModel({
    value: cleanroomsFormValue(entry),
    fields: () => keys,
    // A list or an object in one field: its problems say which item.
    describeMoved: true,
    validate: (value, signal) =>
      validation.cleanRooms(entry.id, cleanroomsBody(value), { signal }),
    delay: options.checkDelay
  });
  const body = ReactWidget.create(
    <CleanRoomsForm
      entry={entry}
      state={state}
      idPrefix={`sme-cleanrooms-${++counter}`}
      trans={trans}
    />
  );
  body.addClass('sme-LaunchDialog-body');
  body.disposed.connect(() => state.dispose());
  // The image warning shows before the user types anything.
  void state.checkNow();

  const register = (): Promise<boolean> =>
    submitLaunch({
      state,
      body,
      choices: cleanroomsBody,
      nameOf: choices => choices.name,
      send: choices => client.registerCleanRooms(entry.id, choices),
      launchedName: registered => registered.configured_model_algorithm_arn,
      messages: name => ({
        pending: trans.__('Registering %1 with Clean Rooms ML…', name),
        success: arn => trans.__('Registered with Clean Rooms ML: %1', arn),
        error: message => trans.__('Could not register %1: %2', name, message)
      }),
      onLaunched: onRegistered
    });

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
