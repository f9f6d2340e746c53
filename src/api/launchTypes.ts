/**
 * The types of the launch routes (the container pickers, training jobs,
 * deployments, local runs, "my launches"), as the server's models declare
 * them (`shared_models_ext/domain/models/launch.py`, `containers.py`,
 * `training_job.py`, `local_runs.py`): generated into `schema.ts` by
 * `scripts/generate_api_types.py`, never written by hand. Field names are
 * the API's own.
 */
import type { QueryOf, Schemas } from './types';

// -- Deep Learning Containers (GET /options, GET /dlc-image) ------------------

/** How one processor's image of a release is tagged. */
export type IDlcBuild = Schemas['DlcBuild'];
/** One framework release: its Python versions and processors. */
export type IDlcVersion = Schemas['DlcVersion'];
/** The training (or inference) images of a framework: one ECR repository. */
export type IDlcFamily = Schemas['DlcFamily'];
export type IDlcFramework = Schemas['DlcFramework'];
/** `deep_learning_containers` of `GET /options`. */
export type IDeepLearningContainers = Schemas['DeepLearningContainers'];
/** The query of `GET /dlc-image`. */
export type IDlcImageQuery = QueryOf<'/dlc-image'>;
export type Processor = IDlcImageQuery['processor'];
export type ImageScope = NonNullable<IDlcImageQuery['scope']>;
/** `GET /dlc-image`. */
export type IDlcImage = Schemas['DlcImage'];

// -- ECR (GET /ecr/images) -----------------------------------------------------

export type IEcrRepository = Schemas['EcrRepository'];
export type IEcrRepositoryList = Schemas['EcrRepositoryList'];
/** One tag of an image (an untagged image appears once, with its digest). */
export type IEcrImage = Schemas['EcrImage'];
export type IEcrImageList = Schemas['EcrImageList'];

// -- existing training jobs (GET /training-jobs) -------------------------------

export type ITrainingJobListQuery = QueryOf<'/training-jobs'>;
export type ITrainingJobSummary = Schemas['TrainingJobSummary'];
export type ITrainingJobList = Schemas['TrainingJobList'];

// -- default names -------------------------------------------------------------

/** `GET /entries/{id}/launch-names`: the names a launch gets by default, now. */
export type ILaunchNames = Schemas['LaunchNames'];

// -- training jobs ---------------------------------------------------------------

/**
 * What the person launching may choose: the body of `POST
 * /entries/{id}/training-jobs` (and the query of `GET
 * …/training-job-request`), with `instance_count` as typed (the server says
 * when it is not a whole number in range).
 */
export type ITrainingChoices = Omit<
  Schemas['LaunchTrainingJob'],
  'instance_count'
> & { instance_count?: number | string };

/** `GET /entries/{id}/training-job-request`: SageMaker's CreateTrainingJob request. */
export type ICreateTrainingJobRequest = Schemas['CreateTrainingJobRequest'];
export type ITrainingJobLaunched = Schemas['TrainingJobLaunched'];
export type IStatusTransition = Schemas['StatusTransition'];
export type IFinalMetric = Schemas['FinalMetric'];
/** `GET /training-jobs/{name}`: SageMaker's DescribeTrainingJob, in short. */
export type ITrainingJobStatus = Schemas['TrainingJobStatus'];
export type ITrainingJobStopping = Schemas['TrainingJobStopping'];

// -- deployments -----------------------------------------------------------------

/** The body of `POST /entries/{id}/deployments`, `instance_count` as typed. */
export type IDeploymentChoices = Omit<
  Schemas['CreateDeployment'],
  'instance_count'
> & { instance_count?: number | string };
export type IDeploymentCreated = Schemas['DeploymentCreated'];
/** `GET /deployments/{endpoint_name}`: SageMaker's DescribeEndpoint, in short. */
export type IDeploymentStatus = Schemas['DeploymentStatus'];

// -- my launches -----------------------------------------------------------------

export type ILaunchQuery = QueryOf<'/launches'>;
export type ILaunch = Schemas['Launch'];
export type LaunchKind = ILaunch['kind'];
export type ILaunchPage = Schemas['LaunchPage'];

// -- local runs ------------------------------------------------------------------

/**
 * The body of `POST /entries/{id}/local-runs`, `synthetic_rows` and `seed` as
 * typed (the server says when one is not a whole number in range).
 */
export type IStartLocalRun = Omit<
  Schemas['StartLocalRun'],
  'synthetic_rows' | 'seed'
> & { synthetic_rows?: number | string | null; seed?: number | string };
export type ILocalRunStarted = Schemas['LocalRunStarted'];
/** One run, as `GET /local-runs` lists it. */
export type ILocalRunSummary = Schemas['LocalRunSummary'];
export type LocalRunStatusName = ILocalRunSummary['status'];
/** What a running run is doing: staging, running the entry point, packing. */
export type LocalRunPhase = NonNullable<ILocalRunSummary['phase']>;
/** `GET /local-runs/{run_id}`. */
export type ILocalRunStatus = Schemas['LocalRunStatus'];
/** `[epoch seconds, value]`. */
export type MetricPoint = ILocalRunStatus['metrics'][string][number];
export type ILocalRunPage = Schemas['LocalRunPage'];
export type ILocalRunQuery = QueryOf<'/local-runs'>;
/** `GET /local-runs/{run_id}/log`: at most 256 KiB of the log. */
export type ILocalRunLog = Schemas['LocalRunLog'];
/** The body of `POST /entries/{id}/synthetic-data`. */
export type ISyntheticDataRequest = Schemas['SyntheticDataRequest'];
export type ISyntheticDataWritten = Schemas['SyntheticDataWritten'];
/** The answer of a request's dry run that passed every check. */
export type IDryRunOk = Schemas['DryRunOk'];
