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
import { FormModel, type IVerdict } from '../common/form';
import type { IEntry, IInferenceSpec, ITrainingSpec } from '../api/types';
import type { LaunchClient } from '../api/launches';
import { ValidationClient } from '../api/validation';
import { DeployForm } from './components/DeployForm';
import type { ILaunchFormInput } from './components/LaunchForm';
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
  ILaunchNames,
  ITrainingJobLaunched
} from './types';

/** Class names of the Train dialog's accepting buttons. */
export const START_TRAINING_CLASS = 'sme-LaunchDialog-start';
export const EXPORT_CLASS = 'sme-LaunchDialog-export';
export const DEPLOY_CLASS = 'sme-LaunchDialog-deploy';

let counter = 0;

/** What the Train and Deploy dialogs are both given. */
export interface ILaunchDialogOptions<E extends IEntry> {
  entry: E;
  client: LaunchClient;
  trans: TranslationBundle;
  /** A readable label of an instance type. */
  instanceLabel?: (id: string) => string;
  /** How long typing pauses before the server checks the form (ms). */
  checkDelay?: number;
}

export interface ITrainDialogOptions extends ILaunchDialogOptions<
  IEntry & { training: ITrainingSpec }
> {
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
  const keys = trainFieldKeys(spec);
  const { state, body, named } = launchForm(options, {
    kind: 'train',
    value: trainFormValue(spec, '', options.hyperparameters),
    fields: () => keys,
    validate: (validation, value, signal) =>
      validation.trainingJob(entry.id, trainingChoices(value), { signal }),
    nameField: 'job_name',
    name: names => names.training_job,
    render: input => <TrainForm {...input} entry={entry} spec={spec} />
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

  return showLaunchDialog({
    title: trans.__('Train %1', entry.title),
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
    onButton: button =>
      button.className.includes(EXPORT_CLASS) ? exportRequest() : start()
  });
}

export interface IDeployDialogOptions extends ILaunchDialogOptions<
  IEntry & { inference: IInferenceSpec }
> {
  /** The endpoint is being created (or was found: a retry): show it. */
  onDeployed: (created: IDeploymentCreated) => void;
}

/** The Deploy dialog: resolves when it closes. */
export async function showDeployDialog(
  options: IDeployDialogOptions
): Promise<void> {
  const { entry, client, trans, onDeployed } = options;
  const spec = entry.inference;
  const { state, body, named } = launchForm(options, {
    kind: 'deploy',
    value: deployFormValue(spec),
    fields: () => DEPLOY_FIELD_KEYS,
    validate: (validation, value, signal) =>
      validation.deployment(entry.id, deploymentChoices(value), { signal }),
    nameField: 'endpoint_name',
    name: names => names.endpoint,
    render: input => <DeployForm {...input} spec={spec} />
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

  return showLaunchDialog({
    title: trans.__('Deploy %1', entry.title),
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({ label: trans.__('Deploy'), className: DEPLOY_CLASS })
    ],
    defaultButton: 1,
    onButton: () => deploy()
  });
}

/** How one of the dialogs makes its form (`launchForm`). */
interface ILaunchFormSetup<K extends string, V extends Record<K, string>> {
  /** "train" or "deploy": the element ids' prefix is `sme-<kind>-<n>`. */
  kind: string;
  /** The form's first value; its name is '' until the server's arrives. */
  value: V;
  fields: FormModel.IOptions<V>['fields'];
  /** The server's dry run of a value. */
  validate: (
    validation: ValidationClient,
    value: V,
    signal: AbortSignal
  ) => Promise<IVerdict | void>;
  /** The field of the launch's name, and the entry's default name for it. */
  nameField: K;
  name: (names: ILaunchNames) => string;
  /** The form's widget, given its state and what the dialog gives every form. */
  render: (
    input: Omit<ILaunchFormInput<unknown, V>, 'spec'>
  ) => React.ReactElement;
}

/**
 * The Train or Deploy dialog's form: its state, checked by the server as the
 * user types (debounced); its body widget (the state disposed with it); and
 * what a launch awaits first, the server's default name put into the name
 * field once it arrives (`launchName.ts`).
 */
function launchForm<K extends string, V extends Record<K, string>>(
  options: ILaunchDialogOptions<IEntry>,
  setup: ILaunchFormSetup<K, V>
): { state: FormModel<V>; body: ReactWidget; named: () => Promise<void> } {
  const { entry, client, trans } = options;
  const validation = new ValidationClient(client.serverSettings);
  const state = new FormModel<V>({
    value: setup.value,
    fields: setup.fields,
    validate: (value, signal) => setup.validate(validation, value, signal),
    delay: options.checkDelay
  });
  const body = ReactWidget.create(
    setup.render({
      state,
      idPrefix: `sme-${setup.kind}-${++counter}`,
      instanceLabel: options.instanceLabel ?? ((id: string) => id),
      trans
    })
  );
  body.addClass('sme-LaunchDialog-body');
  body.disposed.connect(() => state.dispose());
  const named = serverName(state, setup.nameField, async () =>
    setup.name(await client.launchNames(entry.id))
  );
  return { state, body, named };
}

/** Show a launch dialog until it closes (then it and its body are disposed). */
function showLaunchDialog(
  options: Pick<
    SubmitDialog.IOptions<void>,
    'title' | 'buttons' | 'defaultButton' | 'onButton'
  > & { body: ReactWidget }
): Promise<void> {
  const dialog = new SubmitDialog<void>({
    ...options,
    hasClose: true,
    focusNodeSelector: 'input'
  });
  dialog.addClass('sme-LaunchDialog');
  return runDialog(dialog, options.body);
}
