import { ServerConnection } from '@jupyterlab/services';

import { requestAPI } from './request';
import type {
  ICreateTrainingJobRequest,
  IDeploymentChoices,
  IDeploymentCreated,
  IDeploymentStatus,
  IDlcImage,
  IDlcImageQuery,
  IEcrImageList,
  IEcrRepositoryList,
  ILaunchPage,
  ILaunchQuery,
  ITrainingChoices,
  ITrainingJobLaunched,
  ITrainingJobList,
  ITrainingJobListQuery,
  ITrainingJobStatus,
  ITrainingJobStopping
} from '../launch/types';
import type {
  IDryRunOk,
  ILocalRunLog,
  ILocalRunPage,
  ILocalRunQuery,
  ILocalRunStarted,
  ILocalRunStatus,
  IStartLocalRun,
  ISyntheticDataRequest,
  ISyntheticDataWritten
} from '../local-runs/types';

/** Always asked of the server (these routes refuse unknown query parameters). */
const FRESH: RequestCache = 'no-cache';

/** Per-call options. */
export interface IRequestOptions {
  /** Abort the request (it then rejects with a network `ApiError`). */
  signal?: AbortSignal;
}

/**
 * The typed client of the launch routes of the Shared models API: training
 * jobs, deployments, the container pickers and "my launches".
 *
 * Every method rejects with an `ApiError` (see `request.ts`).
 */
export class LaunchClient {
  constructor(serverSettings?: ServerConnection.ISettings) {
    this.serverSettings = serverSettings ?? ServerConnection.makeSettings();
  }

  readonly serverSettings: ServerConnection.ISettings;

  /** `GET /training-jobs`: recent training jobs, newest first, with their images. */
  trainingJobs(
    query: ITrainingJobListQuery = {},
    options: IRequestOptions = {}
  ): Promise<ITrainingJobList> {
    return this._get(`training-jobs${queryString({ ...query })}`, options);
  }

  /** `GET /ecr/images`: the account's ECR repositories. */
  ecrRepositories(options: IRequestOptions = {}): Promise<IEcrRepositoryList> {
    return this._get('ecr/images', options);
  }

  /** `GET /ecr/images?repository=…`: one repository's images, one per tag. */
  ecrImages(
    repository: string,
    options: IRequestOptions = {}
  ): Promise<IEcrImageList> {
    return this._get(`ecr/images${queryString({ repository })}`, options);
  }

  /** `GET /dlc-image`: the URI of one Deep Learning Container in a region. */
  dlcImage(
    query: IDlcImageQuery,
    options: IRequestOptions = {}
  ): Promise<IDlcImage> {
    return this._get(`dlc-image${queryString({ ...query })}`, options);
  }

  /**
   * `GET /entries/{id}/training-job-request`: the exact CreateTrainingJob
   * request a launch with these choices would send.
   */
  trainingJobRequest(
    entryId: string,
    choices: ITrainingChoices = {},
    options: IRequestOptions = {}
  ): Promise<ICreateTrainingJobRequest> {
    const { hyperparameters, ...rest } = choices;
    const params = {
      ...rest,
      hyperparameters:
        hyperparameters && Object.keys(hyperparameters).length > 0
          ? JSON.stringify(hyperparameters)
          : undefined
    };
    return this._get(
      `entries/${encodeURIComponent(entryId)}/training-job-request${queryString(params)}`,
      options
    );
  }

  /**
   * `POST /entries/{id}/training-jobs`: launch a training job. Send the job
   * name the user was shown: a retry with it never launches twice.
   */
  startTrainingJob(
    entryId: string,
    choices: ITrainingChoices
  ): Promise<ITrainingJobLaunched> {
    return requestAPI<ITrainingJobLaunched>(
      `entries/${encodeURIComponent(entryId)}/training-jobs`,
      { method: 'POST', body: JSON.stringify(withoutEmpty(choices)) },
      this.serverSettings
    );
  }

  /** `GET /training-jobs/{name}`: status, history, metrics, times. */
  trainingJob(
    name: string,
    options: IRequestOptions = {}
  ): Promise<ITrainingJobStatus> {
    return this._get(`training-jobs/${encodeURIComponent(name)}`, options);
  }

  /** `POST /training-jobs/{name}/stop` (409 when the job has already ended). */
  stopTrainingJob(name: string): Promise<ITrainingJobStopping> {
    return requestAPI<ITrainingJobStopping>(
      `training-jobs/${encodeURIComponent(name)}/stop`,
      { method: 'POST', body: '{}' },
      this.serverSettings
    );
  }

  /** `POST /entries/{id}/deployments`: model, endpoint configuration, endpoint. */
  deploy(
    entryId: string,
    choices: IDeploymentChoices
  ): Promise<IDeploymentCreated> {
    return requestAPI<IDeploymentCreated>(
      `entries/${encodeURIComponent(entryId)}/deployments`,
      { method: 'POST', body: JSON.stringify(withoutEmpty(choices)) },
      this.serverSettings
    );
  }

  /** `GET /deployments/{endpoint_name}`: the endpoint's status. */
  deployment(
    name: string,
    options: IRequestOptions = {}
  ): Promise<IDeploymentStatus> {
    return this._get(`deployments/${encodeURIComponent(name)}`, options);
  }

  /** `GET /launches`: what the user launched from Shared Models, newest first. */
  launches(
    query: ILaunchQuery = {},
    options: IRequestOptions = {}
  ): Promise<ILaunchPage> {
    return this._get(`launches${queryString({ ...query })}`, options);
  }

  /** `POST /entries/{id}/local-runs`: run the entry's training script here. */
  startLocalRun(
    entryId: string,
    body: IStartLocalRun
  ): Promise<ILocalRunStarted> {
    return this._post(
      `entries/${encodeURIComponent(entryId)}/local-runs`,
      body
    );
  }

  /** `POST /entries/{id}/local-runs?dry_run=true`: check a run, start nothing. */
  checkLocalRun(entryId: string, body: IStartLocalRun): Promise<IDryRunOk> {
    return this._post(
      `entries/${encodeURIComponent(entryId)}/local-runs?dry_run=true`,
      body
    );
  }

  /** `GET /local-runs/{run_id}`: status, metric series, artifacts. */
  localRun(
    runId: string,
    options: IRequestOptions = {}
  ): Promise<ILocalRunStatus> {
    return this._get(`local-runs/${encodeURIComponent(runId)}`, options);
  }

  /** `GET /local-runs/{run_id}/log?offset=N`: the log from byte N. */
  localRunLog(
    runId: string,
    offset: number,
    options: IRequestOptions = {}
  ): Promise<ILocalRunLog> {
    return this._get(
      `local-runs/${encodeURIComponent(runId)}/log${queryString({ offset })}`,
      options
    );
  }

  /** `POST /local-runs/{run_id}/stop`: SIGTERM, then SIGKILL after a grace period. */
  stopLocalRun(runId: string): Promise<ILocalRunStatus> {
    return this._post(`local-runs/${encodeURIComponent(runId)}/stop`, {});
  }

  /** `DELETE /local-runs/{run_id}` (409 while it runs). */
  deleteLocalRun(runId: string): Promise<void> {
    return requestAPI<void>(
      `local-runs/${encodeURIComponent(runId)}`,
      { method: 'DELETE' },
      this.serverSettings
    );
  }

  /** `GET /local-runs`: the user's runs, newest first. */
  localRuns(
    query: ILocalRunQuery = {},
    options: IRequestOptions = {}
  ): Promise<ILocalRunPage> {
    return this._get(`local-runs${queryString({ ...query })}`, options);
  }

  /** `POST /entries/{id}/synthetic-data`: a CSV of the entry's columns in the workspace. */
  writeSyntheticData(
    entryId: string,
    body: ISyntheticDataRequest
  ): Promise<ISyntheticDataWritten> {
    return this._post(
      `entries/${encodeURIComponent(entryId)}/synthetic-data`,
      body
    );
  }

  private _post<T>(path: string, body: object): Promise<T> {
    return requestAPI<T>(
      path,
      { method: 'POST', body: JSON.stringify(body) },
      this.serverSettings
    );
  }

  private _get<T>(path: string, options: IRequestOptions): Promise<T> {
    return requestAPI<T>(
      path,
      { method: 'GET', cache: FRESH, signal: options.signal },
      this.serverSettings
    );
  }
}

/** `?a=1&b=x` from the defined, non-empty values of `params`. */
export function queryString(
  params: Record<string, string | number | boolean | undefined | null>
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A body without its unset and empty-string fields (the server's defaults apply). */
export function withoutEmpty<T extends object>(body: T): Partial<T> {
  const result: Partial<T> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined && value !== null && value !== '') {
      (result as Record<string, unknown>)[key] = value;
    }
  }
  return result;
}
