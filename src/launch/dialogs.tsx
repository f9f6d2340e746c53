/**
 * The Train and Deploy dialogs: prefilled from the entry and with the
 * server's default name (`GET /entries/{id}/launch-names`, once it arrives:
 * `launchName.ts`), checked by the server as the user types (`?dry_run=true`,
 * debounced) and on launch: its 400 details land on their fields and the
 * dialog stays open.
 */
import { Dialog, Notification } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import { asApiError } from '../common/errors';
import { FormModel } from '../common/form';
import type { IEntry, IInferenceSpec, ITrainingSpec } from '../api/types';
import type { LaunchClient } from '../api/launches';
import { ValidationClient } from '../api/validation';
import { DeployForm } from './components/DeployForm';
import { TrainForm } from './components/TrainForm';
import { serverName } from './launchName';
import {
  checkBeforeSubmit,
  focusFirstProblem,
  prepareForm,
  runDialog,
  submitLaunch,
  SubmitDialog
} from './submitDialog';
import {
  DEPLOY_FIELD_KEYS,
  deployFormValue,
  deploymentChoices,
  trainFieldKeys,
  trainFormValue,
  trainingChoices
} from './trainForm';
import type {
  ICreateTrainingJobRequest,
  IDeploymentCreated,
  ITrainingJobLaunched
} from './types';

/** Class names of the Train dialog's accepting buttons. */
export const START_TRAINING_CLASS = 'sme-LaunchDialog-start';
export const EXPORT_CLASS = 'sme-LaunchDialog-export';
export const DEPLOY_CLASS = 'sme-LaunchDialog-deploy';

let counter = 0;

export interface ITrainDialogOptions {
  entry: IEntry & { training: ITrainingSpec };
  client: LaunchClient;
  trans: TranslationBundle;
  /** A readable label of an instance type. */
  instanceLabel?: (id: string) => string;
  /** How long typing pauses before the server checks the form (ms). */
  checkDelay?: number;
  /** Values to start from instead of the defaults (e.g. a local run's). */
  hyperparameters?: Readonly<Record<string, string>>;
  /** The job was created (or found: a retry): show it. */
  onStarted: (launched: ITrainingJobLaunched) => void;
  /**
   * Save the request as training_job.json in the workspace and open it;
   * resolves with the file's path.
   */
  onExport: (request: ICreateTrainingJobRequest) => Promise<string>;
}

/** The Train dialog: resolves when it closes. */
export async function showTrainDialog(
  options: ITrainDialogOptions
): Promise<void> {
  const { entry, client, trans, onStarted, onExport } = options;
  const spec = entry.training;
  const instanceLabel = options.instanceLabel ?? ((id: string) => id);
  const validation = new ValidationClient(client.serverSettings);
  const keys = trainFieldKeys(spec);
  const state = new FormModel({
    // The job name is the server's, once it arrives (`launchName.ts`).
    value: trainFormValue(spec, '', options.hyperparameters),
    fields: () => keys,
    validate: (value, signal) =>
      validation.trainingJob(entry.id, trainingChoices(value), { signal }),
    delay: options.checkDelay
  });
  const idPrefix = `sme-train-${++counter}`;
  const body = ReactWidget.create(
    <TrainForm
      entry={entry}
      spec={spec}
      state={state}
      idPrefix={idPrefix}
      instanceLabel={instanceLabel}
      trans={trans}
    />
  );
  body.addClass('sme-LaunchDialog-body');
  body.disposed.connect(() => state.dispose());
  const named = serverName(state, 'job_name', async () => {
    return (await client.launchNames(entry.id)).training_job;
  });

  const start = (): Promise<boolean> =>
    submitLaunch({
      state,
      body,
      prepare: named,
      choices: trainingChoices,
      nameOf: choices => choices.job_name ?? '',
      send: choices => client.startTrainingJob(entry.id, choices),
      launchedName: launched => launched.job_name,
      messages: name => ({
        pending: trans.__('Starting training job %1…', name),
        success: jobName => trans.__('Training job %1 started.', jobName),
        error: message =>
          trans.__('Could not start training job %1: %2', name, message)
      }),
      onLaunched: onStarted
    });

  const exportRequest = async (): Promise<boolean> => {
    if (!(await prepareForm(state, body, named))) {
      return false;
    }
    if (!(await checkBeforeSubmit(state, body.node))) {
      return false;
    }
    state.busy = true;
    state.status = trans.__('Exporting training_job.json…');
    try {
      const request = await client.trainingJobRequest(
        entry.id,
        trainingChoices(state.value)
      );
      const path = await onExport(request);
      Notification.success(trans.__('Saved %1.', path), { autoClose: 5000 });
      return true;
    } catch (reason) {
      const error = asApiError(reason);
      state.showFailure(error);
      Notification.error(
        trans.__('Could not export training_job.json: %1', error.message),
        { autoClose: 10000 }
      );
      focusFirstProblem(body.node);
      return false;
    } finally {
      state.status = '';
      state.busy = false;
    }
  };

  const title = trans.__('Train %1', entry.title);
  const dialog = new SubmitDialog<void>({
    title,
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({
        label: trans.__('Export training_job.json'),
        className: EXPORT_CLASS,
        displayType: 'default',
        caption: trans.__(
          'Save the CreateTrainingJob request into your workspace, for aws sagemaker create-training-job --cli-input-json file://training_job.json'
        )
      }),
      Dialog.okButton({
        label: trans.__('Start training'),
        className: START_TRAINING_CLASS
      })
    ],
    defaultButton: 2,
    hasClose: true,
    focusNodeSelector: 'input',
    onButton: button =>
      button.className.includes(EXPORT_CLASS) ? exportRequest() : start()
  });
  dialog.addClass('sme-LaunchDialog');
  return runDialog(dialog, body);
}

export interface IDeployDialogOptions {
  entry: IEntry & { inference: IInferenceSpec };
  client: LaunchClient;
  trans: TranslationBundle;
  instanceLabel?: (id: string) => string;
  /** How long typing pauses before the server checks the form (ms). */
  checkDelay?: number;
  /** The endpoint is being created (or was found: a retry): show it. */
  onDeployed: (created: IDeploymentCreated) => void;
}

/** The Deploy dialog: resolves when it closes. */
export async function showDeployDialog(
  options: IDeployDialogOptions
): Promise<void> {
  const { entry, client, trans, onDeployed } = options;
  const spec = entry.inference;
  const instanceLabel = options.instanceLabel ?? ((id: string) => id);
  const validation = new ValidationClient(client.serverSettings);
  const state = new FormModel({
    // The endpoint name is the server's, once it arrives (`launchName.ts`).
    value: deployFormValue(spec),
    fields: () => DEPLOY_FIELD_KEYS,
    validate: (value, signal) =>
      validation.deployment(entry.id, deploymentChoices(value), { signal }),
    delay: options.checkDelay
  });
  const idPrefix = `sme-deploy-${++counter}`;
  const body = ReactWidget.create(
    <DeployForm
      spec={spec}
      state={state}
      idPrefix={idPrefix}
      instanceLabel={instanceLabel}
      trans={trans}
    />
  );
  body.addClass('sme-LaunchDialog-body');
  body.disposed.connect(() => state.dispose());
  const named = serverName(state, 'endpoint_name', async () => {
    return (await client.launchNames(entry.id)).endpoint;
  });

  const deploy = (): Promise<boolean> =>
    submitLaunch({
      state,
      body,
      prepare: named,
      choices: deploymentChoices,
      nameOf: choices => choices.endpoint_name ?? '',
      send: choices => client.deploy(entry.id, choices),
      launchedName: created => created.endpoint_name,
      messages: name => ({
        pending: trans.__('Deploying endpoint %1…', name),
        success: endpoint =>
          trans.__('Endpoint %1 is being created.', endpoint),
        error: message => trans.__('Could not deploy %1: %2', name, message)
      }),
      onLaunched: onDeployed
    });

  const dialog = new SubmitDialog<void>({
    title: trans.__('Deploy %1', entry.title),
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({ label: trans.__('Deploy'), className: DEPLOY_CLASS })
    ],
    defaultButton: 1,
    hasClose: true,
    focusNodeSelector: 'input',
    onButton: () => deploy()
  });
  dialog.addClass('sme-LaunchDialog');
  return runDialog(dialog, body);
}
