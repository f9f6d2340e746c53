/**
 * The Run locally dialog: prefilled like Train, checked by the server as the
 * user types (`?dry_run=true`, debounced) and on start — its 400 details land
 * on their fields (a 409, too many runs at once, shows its message) while the
 * dialog stays open.
 */
import { Dialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { IEntry, ILocalRunRules, ITrainingSpec } from '../api/types';
import type { LaunchClient } from '../api/launches';
import { ValidationClient } from '../api/validation';
import { FormModel } from '../common/form';
import { runDialog, submitLaunch, SubmitDialog } from '../launch/submitDialog';
import { RunForm } from './RunForm';
import {
  IPythonChoice,
  runFieldKeys,
  runFormValue,
  startLocalRunBody
} from './runForm';
import type { ILocalRunStarted } from './types';

/** Class name of the dialog's accepting button. */
export const START_LOCAL_RUN_CLASS = 'sme-LaunchDialog-startLocal';

let counter = 0;

export interface IRunLocallyDialogOptions {
  entry: IEntry & { training: ITrainingSpec };
  client: LaunchClient;
  trans: TranslationBundle;
  /** The server's Python kernels. */
  pythons?: ReadonlyArray<IPythonChoice>;
  instanceLabel?: (id: string) => string;
  /** The server's defaults and limits of a run (`GET /options` → `rules.local_runs`). */
  rules?: ILocalRunRules | null;
  /** How long typing pauses before the server checks the form (ms). */
  checkDelay?: number;
  /** The run has started: show it. */
  onStarted: (started: ILocalRunStarted) => void;
}

/** The Run locally dialog: resolves when it closes. */
export async function showRunLocallyDialog(
  options: IRunLocallyDialogOptions
): Promise<void> {
  const { entry, client, trans, onStarted } = options;
  const spec = entry.training;
  const validation = new ValidationClient(client.serverSettings);
  const keys = runFieldKeys(spec);
  const state = new FormModel({
    value: runFormValue(spec, options.rules ?? null),
    fields: () => keys,
    validate: (value, signal) =>
      validation.localRun(entry.id, startLocalRunBody(value), { signal }),
    delay: options.checkDelay
  });
  const body = ReactWidget.create(
    <RunForm
      spec={spec}
      state={state}
      pythons={options.pythons ?? []}
      idPrefix={`sme-run-${++counter}`}
      instanceLabel={options.instanceLabel ?? ((id: string) => id)}
      rules={options.rules ?? null}
      trans={trans}
    />
  );
  body.addClass('sme-LaunchDialog-body');
  body.disposed.connect(() => state.dispose());

  const start = (): Promise<boolean> =>
    submitLaunch({
      state,
      body,
      choices: startLocalRunBody,
      nameOf: () => entry.title,
      send: choices => client.startLocalRun(entry.id, choices),
      launchedName: started => started.run_id,
      messages: title => ({
        pending: trans.__('Starting a local run of %1…', title),
        success: runId => trans.__('Local run %1 started.', runId),
        error: message =>
          trans.__('Could not start a local run of %1: %2', title, message)
      }),
      onLaunched: onStarted
    });

  const dialog = new SubmitDialog<void>({
    title: trans.__('Run %1 locally', entry.title),
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({
        label: trans.__('Start local run'),
        className: START_LOCAL_RUN_CLASS
      })
    ],
    defaultButton: 1,
    hasClose: true,
    focusNodeSelector: 'select',
    onButton: () => start()
  });
  dialog.addClass('sme-LaunchDialog');
  return runDialog(dialog, body);
}
