import { ApiClient, IRequestOptions, route, withoutEmpty } from './client';
import type { ICleanRoomsRegistration } from './destinationTypes';
import type {
  IDeploymentChoices,
  IStartLocalRun,
  ITrainingChoices
} from './launchTypes';
import type { IEntryInput, Schemas } from './types';

/** Per-call options of a dry run (`signal`: a newer check replaces it). */
export type IValidationOptions = IRequestOptions;

/** The query flag of every dry run. */
const DRY_RUN = { dry_run: true };

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
export class ValidationClient extends ApiClient {
  /** `POST /entries?dry_run=true`: would this new entry be created? */
  createEntry(
    body: IEntryInput,
    options: IValidationOptions = {}
  ): Promise<IValidationOk> {
    return this.post('entries', body, { ...options, query: DRY_RUN });
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
    return this.put(route('entries', id), body, {
      ...options,
      version,
      query: DRY_RUN
    });
  }

  /** `POST /entries/{id}/training-jobs?dry_run=true`: would this job launch? */
  trainingJob(
    entryId: string,
    choices: ITrainingChoices,
    options: IValidationOptions = {}
  ): Promise<IValidationOk> {
    return this.post(
      route('entries', entryId, 'training-jobs'),
      withoutEmpty(choices),
      { ...options, query: DRY_RUN }
    );
  }

  /** `POST /entries/{id}/deployments?dry_run=true`: would this deploy? */
  deployment(
    entryId: string,
    choices: IDeploymentChoices,
    options: IValidationOptions = {}
  ): Promise<IValidationOk> {
    return this.post(
      route('entries', entryId, 'deployments'),
      withoutEmpty(choices),
      { ...options, query: DRY_RUN }
    );
  }

  /** `POST /entries/{id}/local-runs?dry_run=true`: would this run start? */
  localRun(
    entryId: string,
    body: IStartLocalRun,
    options: IValidationOptions = {}
  ): Promise<IValidationOk> {
    return this.post(route('entries', entryId, 'local-runs'), body, {
      ...options,
      query: DRY_RUN
    });
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
    return this.post(route('entries', entryId, 'cleanrooms-algorithms'), body, {
      ...options,
      query: DRY_RUN
    });
  }
}
