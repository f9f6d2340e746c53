/**
 * Types of the launch routes (training jobs, deployments, container pickers,
 * "my launches"), mirroring `shared_models_ext/domain/models/launch.py`,
 * `containers.py` and `training_job.py`. Field names are the API's own.
 */

export type Processor = 'cpu' | 'gpu';
export type ImageScope = 'training' | 'inference';
export type LaunchKind =
  | 'training-job'
  | 'endpoint'
  | 'local-run'
  // Registrations with Clean Rooms ML and SageMaker hub content (no live
  // status in My launches: a link to the AWS console).
  | 'cr-algorithm'
  | 'cr-association'
  | 'hub-content';

// -- Deep Learning Containers (GET /options, GET /dlc-image) ------------------

/** How one processor's image of a release is tagged. */
export interface IDlcBuild {
  os: string;
  /** GPU images only, e.g. `cu124`. */
  cuda?: string | null;
}

/** One framework release: its Python versions and processors. */
export interface IDlcVersion {
  version: string;
  /** e.g. `py311`. */
  python: string[];
  processors: Partial<Record<Processor, IDlcBuild>>;
}

/** The training (or inference) images of a framework: one ECR repository. */
export interface IDlcFamily {
  repository: string;
  /** Newest first. */
  versions: IDlcVersion[];
}

export interface IDlcFramework {
  id: string;
  label: string;
  training?: IDlcFamily | null;
  inference?: IDlcFamily | null;
}

/** `deep_learning_containers` of `GET /options`. */
export interface IDeepLearningContainers {
  frameworks: IDlcFramework[];
  registries: {
    default_account: string;
    accounts: Record<string, string>;
  };
}

/** The query of `GET /dlc-image`. */
export interface IDlcImageQuery {
  framework: string;
  scope: ImageScope;
  version: string;
  processor: Processor;
  python: string;
  region?: string;
}

/** `GET /dlc-image`. */
export interface IDlcImage {
  uri: string;
  account: string;
  region: string;
  repository: string;
  tag: string;
}

// -- ECR (GET /ecr/images) -----------------------------------------------------

export interface IEcrRepository {
  name: string;
  uri: string;
  created_at: string | null;
}

export interface IEcrRepositoryList {
  /** By name. */
  repositories: IEcrRepository[];
  truncated: boolean;
}

/** One tag of an image (an untagged image appears once, with its digest). */
export interface IEcrImage {
  tag: string | null;
  digest: string;
  /** `repository URI:tag`, or `@digest` for an untagged image. */
  uri: string;
  pushed_at: string | null;
  size_bytes: number | null;
}

export interface IEcrImageList {
  repository: string;
  repository_uri: string;
  /** Newest first. */
  images: IEcrImage[];
  truncated: boolean;
}

// -- existing training jobs (GET /training-jobs) -------------------------------

export interface ITrainingJobListQuery {
  name_contains?: string;
  limit?: number;
  cursor?: string | null;
}

export interface ITrainingJobSummary {
  name: string;
  arn: string;
  status: string;
  created_at: string | null;
  /** Null for a job of a SageMaker built-in algorithm. */
  image: string | null;
  instance_type: string | null;
}

export interface ITrainingJobList {
  items: ITrainingJobSummary[];
  next_cursor: string | null;
}

// -- training jobs ---------------------------------------------------------------

/** What the person launching may choose (`POST /entries/{id}/training-jobs`). */
export interface ITrainingChoices {
  job_name?: string;
  role_arn?: string;
  instance_type?: string;
  instance_count?: number;
  /** Hyperparameter name → value (a string, as SageMaker takes it). */
  hyperparameters?: Record<string, string>;
}

/** `GET /entries/{id}/training-job-request`: SageMaker's CreateTrainingJob request. */
export interface ICreateTrainingJobRequest {
  TrainingJobName: string;
  HyperParameters?: Record<string, string>;
  AlgorithmSpecification: {
    TrainingImage: string;
    TrainingInputMode: string;
    MetricDefinitions?: Array<{ Name: string; Regex: string }>;
  };
  RoleArn: string;
  [key: string]: unknown;
}

export interface ITrainingJobLaunched {
  job_name: string;
  arn: string;
  status: string;
}

export interface IStatusTransition {
  status: string;
  start_time: string | null;
  end_time: string | null;
  message: string | null;
}

export interface IFinalMetric {
  name: string;
  value: number;
  timestamp: string | null;
}

/** `GET /training-jobs/{name}`: SageMaker's DescribeTrainingJob, in short. */
export interface ITrainingJobStatus {
  job_name: string;
  arn: string;
  /** InProgress, Completed, Failed, Stopping, Stopped. */
  status: string;
  secondary_status: string | null;
  secondary_status_history: IStatusTransition[];
  failure_reason: string | null;
  final_metrics: IFinalMetric[];
  created_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  last_modified_at: string | null;
  billable_seconds: number | null;
  training_seconds: number | null;
  image: string | null;
  instance_type: string | null;
  instance_count: number | null;
  /** S3 URI of model.tar.gz. */
  model_artifacts: string | null;
  logs: { log_group: string; log_stream_prefix: string };
}

export interface ITrainingJobStopping {
  job_name: string;
  status: string;
}

// -- deployments -----------------------------------------------------------------

/** The body of `POST /entries/{id}/deployments`. */
export interface IDeploymentChoices {
  endpoint_name?: string;
  role_arn?: string;
  instance_type?: string;
  instance_count?: number;
}

export interface IDeploymentCreated {
  endpoint_name: string;
  model_name: string;
  endpoint_config_name: string;
  status: string;
  arn: string | null;
}

/** `GET /deployments/{endpoint_name}`: SageMaker's DescribeEndpoint, in short. */
export interface IDeploymentStatus {
  endpoint_name: string;
  arn: string;
  /** Creating, InService, Updating, Failed, … */
  status: string;
  failure_reason: string | null;
  endpoint_config_name: string | null;
  created_at: string | null;
  last_modified_at: string | null;
  instance_type: string | null;
  instance_count: number | null;
  current_instance_count: number | null;
}

// -- my launches -----------------------------------------------------------------

export interface ILaunchQuery {
  kind?: LaunchKind;
  limit?: number;
  cursor?: string | null;
}

export interface ILaunch {
  id: number;
  kind: LaunchKind;
  /** The training job or endpoint name; a local run's run id. */
  name: string;
  entry_id: string;
  entry_title: string;
  arn: string;
  region: string;
  created_at: string;
  /** Where the AWS console shows it (Clean Rooms ML registrations). */
  console_url?: string | null;
}

export interface ILaunchPage {
  items: ILaunch[];
  next_cursor: string | null;
}

/** The Deep Learning Container table of `GET /options` (null when absent). */
export function dlcTable(
  options: object | null
): IDeepLearningContainers | null {
  const table = (
    options as { deep_learning_containers?: IDeepLearningContainers } | null
  )?.deep_learning_containers;
  return table && Array.isArray(table.frameworks) ? table : null;
}
