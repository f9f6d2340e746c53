import { ApiClient, IRequestOptions, route, withoutEmpty } from './client';
import type {
  ICreateTrainingJobRequest,
  IDeploymentChoices,
  IDeploymentCreated,
  IDeploymentStatus,
  IDlcImage,
  IDlcImageQuery,
  IDryRunOk,
  IEcrImageList,
  IEcrRepositoryList,
  ILaunchNames,
  ILaunchPage,
  ILaunchQuery,
  ILocalRunLog,
  ILocalRunPage,
  ILocalRunQuery,
  ILocalRunStarted,
  ILocalRunStatus,
  IStartLocalRun,
  ISyntheticDataRequest,
  ISyntheticDataWritten,
  ITrainingChoices,
  ITrainingJobLaunched,
  ITrainingJobList,
  ITrainingJobListQuery,
  ITrainingJobStatus,
  ITrainingJobStopping
} from './launchTypes';

/**
 * The typed client of the launch routes of the Shared models API: training
 * jobs, deployments, local runs, the container pickers and "my launches".
 *
 * Every method rejects with an `ApiError` (see `request.ts`).
 */
export class LaunchClient extends ApiClient {
  /** `GET /training-jobs`: recent training jobs, newest first, with their images. */
  trainingJobs(
    query: ITrainingJobListQuery = {},
    options: IRequestOptions = {}
  ): Promise<ITrainingJobList> {
    return this.get('training-jobs', { ...query }, options);
  }

  /** `GET /ecr/images`: the account's ECR repositories. */
  ecrRepositories(options: IRequestOptions = {}): Promise<IEcrRepositoryList> {
    return this.get('ecr/images', {}, options);
  }

  /** `GET /ecr/images?repository=…`: one repository's images, one per tag. */
  ecrImages(
    repository: string,
    options: IRequestOptions = {}
  ): Promise<IEcrImageList> {
    return this.get('ecr/images', { repository }, options);
  }

  /** `GET /dlc-image`: the URI of one Deep Learning Container in a region. */
  dlcImage(
    query: IDlcImageQuery,
    options: IRequestOptions = {}
  ): Promise<IDlcImage> {
    return this.get('dlc-image', { ...query }, options);
  }

  /**
   * `GET /entries/{id}/launch-names`: the names a training job and a
   * deployment of the entry get by default, made by the server now. A dialog
   * shows one and sends it, so a retry after a lost answer launches once.
   */
  launchNames(
    entryId: string,
    options: IRequestOptions = {}
  ): Promise<ILaunchNames> {
    return this.get(route('entries', entryId, 'launch-names'), {}, options);
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
    const encoded =
      hyperparameters && Object.keys(hyperparameters).length > 0
        ? JSON.stringify(hyperparameters)
        : undefined;
    return this.get(
      route('entries', entryId, 'training-job-request'),
      { ...rest, hyperparameters: encoded },
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
    return this.post(
      route('entries', entryId, 'training-jobs'),
      withoutEmpty(choices)
    );
  }

  /** `GET /training-jobs/{name}`: status, history, metrics, times. */
  trainingJob(
    name: string,
    options: IRequestOptions = {}
  ): Promise<ITrainingJobStatus> {
    return this.get(route('training-jobs', name), {}, options);
  }

  /** `POST /training-jobs/{name}/stop` (409 when the job has already ended). */
  stopTrainingJob(name: string): Promise<ITrainingJobStopping> {
    return this.post(route('training-jobs', name, 'stop'));
  }

  /** `POST /entries/{id}/deployments`: model, endpoint configuration, endpoint. */
  deploy(
    entryId: string,
    choices: IDeploymentChoices
  ): Promise<IDeploymentCreated> {
    return this.post(
      route('entries', entryId, 'deployments'),
      withoutEmpty(choices)
    );
  }

  /** `GET /deployments/{endpoint_name}`: the endpoint's status. */
  deployment(
    name: string,
    options: IRequestOptions = {}
  ): Promise<IDeploymentStatus> {
    return this.get(route('deployments', name), {}, options);
  }

  /** `GET /launches`: what the user launched from Shared Models, newest first. */
  launches(
    query: ILaunchQuery = {},
    options: IRequestOptions = {}
  ): Promise<ILaunchPage> {
    return this.get('launches', { ...query }, options);
  }

  /** `POST /entries/{id}/local-runs`: run the entry's training script here. */
  startLocalRun(
    entryId: string,
    body: IStartLocalRun
  ): Promise<ILocalRunStarted> {
    return this.post(route('entries', entryId, 'local-runs'), body);
  }

  /** `POST /entries/{id}/local-runs?dry_run=true`: check a run, start nothing. */
  checkLocalRun(entryId: string, body: IStartLocalRun): Promise<IDryRunOk> {
    return this.post(route('entries', entryId, 'local-runs'), body, {
      query: { dry_run: true }
    });
  }

  /** `GET /local-runs/{run_id}`: status, metric series, artifacts. */
  localRun(
    runId: string,
    options: IRequestOptions = {}
  ): Promise<ILocalRunStatus> {
    return this.get(route('local-runs', runId), {}, options);
  }

  /** `GET /local-runs/{run_id}/log?offset=N`: the log from byte N. */
  localRunLog(
    runId: string,
    offset: number,
    options: IRequestOptions = {}
  ): Promise<ILocalRunLog> {
    return this.get(route('local-runs', runId, 'log'), { offset }, options);
  }

  /** `POST /local-runs/{run_id}/stop`: SIGTERM, then SIGKILL after a grace period. */
  stopLocalRun(runId: string): Promise<ILocalRunStatus> {
    return this.post(route('local-runs', runId, 'stop'));
  }

  /** `DELETE /local-runs/{run_id}` (409 while it runs). */
  deleteLocalRun(runId: string): Promise<void> {
    return this.delete(route('local-runs', runId));
  }

  /** `GET /local-runs`: the user's runs, newest first. */
  localRuns(
    query: ILocalRunQuery = {},
    options: IRequestOptions = {}
  ): Promise<ILocalRunPage> {
    return this.get('local-runs', { ...query }, options);
  }

  /** `POST /entries/{id}/synthetic-data`: a CSV of the entry's columns in the workspace. */
  writeSyntheticData(
    entryId: string,
    body: ISyntheticDataRequest
  ): Promise<ISyntheticDataWritten> {
    return this.post(route('entries', entryId, 'synthetic-data'), body);
  }
}
