import { ServerConnection } from '@jupyterlab/services';

import type { ICleanRoomsRegistration } from './destinationTypes';
import type {
  IDeploymentChoices,
  IStartLocalRun,
  ITrainingChoices
} from './launchTypes';
import { requestAPI } from './request';
import type { IEntryInput, Schemas } from './types';

/** Per-call options of a dry run. */
export interface IValidationOptions {
  /** Abort the check (a newer one replaces it). */
  signal?: AbortSignal;
}

/**
 * The server's verdict on a request that passed every check: `{"ok": true}`
 * (`DryRunOk`), with the warnings of the routes that have some (Clean Rooms
 * ML's `RegistrationCheck`).
 */
export type IValidationOk = Partial<Schemas['RegistrationCheck']>;

/**
 * The dry runs of the forms' requests: each is the real request with
 * `?dry_run=true`, so the server runs every check of it and stores, starts
 * or sends nothing. A request that passes resolves with `IValidationOk`; one
 * that does not rejects with exactly the `ApiError` the real request would
 * (a 400 whose `details` name the fields). The server is the only place the
 * rules live: the forms place its answer, they do not judge.
 */
export class ValidationClient {
  constructor(serverSettings?: ServerConnection.ISettings) {
    this.serverSettings = serverSettings ?? ServerConnection.makeSettings();
  }

  readonly serverSettings: ServerConnection.ISettings;

  /** `POST /entries?dry_run=true`: would this new entry be created? */
  createEntry(
    body: IEntryInput,
    options: IValidationOptions = {}
  ): Promise<IValidationOk> {
    return this._send('entries', 'POST', body, options);
  }

  /**
   * `PUT /entries/{id}?dry_run=true`: would this edit be saved? `version` is
   * the version the edit started from (`If-Match`, required as for the real PUT).
   */
  replaceEntry(
    id: string,
    body: IEntryInput,
    version: number,
    options: IValidationOptions = {}
  ): Promise<IValidationOk> {
    return this._send(`entries/${encodeURIComponent(id)}`, 'PUT', body, {
      ...options,
      headers: { 'If-Match': `"${version}"` }
    });
  }

  /** `POST /entries/{id}/training-jobs?dry_run=true`: would this job launch? */
  trainingJob(
    entryId: string,
    choices: ITrainingChoices,
    options: IValidationOptions = {}
  ): Promise<IValidationOk> {
    return this._send(
      `entries/${encodeURIComponent(entryId)}/training-jobs`,
      'POST',
      this._launchBody(choices),
      options
    );
  }

  /** `POST /entries/{id}/deployments?dry_run=true`: would this deploy? */
  deployment(
    entryId: string,
    choices: IDeploymentChoices,
    options: IValidationOptions = {}
  ): Promise<IValidationOk> {
    return this._send(
      `entries/${encodeURIComponent(entryId)}/deployments`,
      'POST',
      this._launchBody(choices),
      options
    );
  }

  /** `POST /entries/{id}/local-runs?dry_run=true`: would this run start? */
  localRun(
    entryId: string,
    body: IStartLocalRun,
    options: IValidationOptions = {}
  ): Promise<IValidationOk> {
    return this._send(
      `entries/${encodeURIComponent(entryId)}/local-runs`,
      'POST',
      body,
      options
    );
  }

  /**
   * `POST /entries/{id}/cleanrooms-algorithms?dry_run=true`: would this
   * registration go through? Resolves with the server's warnings (e.g. an
   * image Clean Rooms ML cannot pull); nothing is sent to AWS.
   */
  cleanRooms(
    entryId: string,
    body: ICleanRoomsRegistration,
    options: IValidationOptions = {}
  ): Promise<IValidationOk> {
    return this._send(
      `entries/${encodeURIComponent(entryId)}/cleanrooms-algorithms`,
      'POST',
      body,
      options
    );
  }

  /** A launch body as the real request sends it: empty choices left out. */
  private _launchBody(choices: object): object {
    return Object.fromEntries(
      Object.entries(choices).filter(
        ([, value]) => value !== undefined && value !== null && value !== ''
      )
    );
  }

  private _send(
    path: string,
    method: 'POST' | 'PUT',
    body: object,
    options: IValidationOptions & { headers?: Record<string, string> }
  ): Promise<IValidationOk> {
    return requestAPI<IValidationOk>(
      `${path}?dry_run=true`,
      {
        method,
        body: JSON.stringify(body),
        headers: options.headers,
        signal: options.signal
      },
      this.serverSettings
    );
  }
}
