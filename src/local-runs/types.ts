/**
 * Types of the local-run routes, mirroring
 * `shared_models_ext/domain/models/local_runs.py`. Field names are the API's own.
 */

export type LocalRunStatusName = 'running' | 'completed' | 'failed' | 'stopped';

/** What a running run is doing: staging, running the entry point, packing. */
export type LocalRunPhase = 'preparing' | 'training' | 'uploading';

/** The value of a channel that is generated from the entry's columns. */
export const SYNTHETIC = 'synthetic';
export const DEFAULT_SYNTHETIC_ROWS = 1000;
/** Where model.tar.gz goes when the request names no output. */
export const DEFAULT_OUTPUT = 'shared-models-runs';

/** The body of `POST /entries/{id}/local-runs`. */
export interface IStartLocalRun {
  hyperparameters?: Record<string, string>;
  instance_type?: string;
  /** Per channel: a workspace folder, an `s3://` URI or `synthetic`. */
  channels?: Record<string, string>;
  synthetic_rows?: number;
  seed?: number;
  /** A Jupyter kernelspec name; default: the server's Python. */
  python?: string;
  install_requirements?: boolean;
  /** A workspace file or folder, or an `s3://` URI; default: the entry's script. */
  code?: string;
  /** A workspace folder or an `s3://` prefix. */
  output?: string;
}

export interface ILocalRunStarted {
  run_id: string;
  status: LocalRunStatusName;
}

/** One run, as `GET /local-runs` lists it. */
export interface ILocalRunSummary {
  run_id: string;
  entry_id: string;
  entry_title: string;
  status: LocalRunStatusName;
  phase: LocalRunPhase | null;
  started_at: string;
  ended_at: string | null;
  exit_code: number | null;
  failure_reason: string | null;
}

/** `[epoch seconds, value]`. */
export type MetricPoint = [number, number];

/** `GET /local-runs/{run_id}`. */
export interface ILocalRunStatus extends ILocalRunSummary {
  run_root: string;
  metrics: Record<string, MetricPoint[]>;
  model_artifact: string | null;
  output_artifact: string | null;
  /** A workspace folder (relative to the root) or an S3 prefix. */
  output_location: string | null;
  /** hyperparameters.json as written (script-mode keys included). */
  hyperparameters: Record<string, string>;
  instance_type: string;
  python: string;
  command: string[];
  requirements_txt: boolean;
  requirements_installed: boolean;
}

export interface ILocalRunPage {
  items: ILocalRunSummary[];
  next_cursor: string | null;
}

export interface ILocalRunQuery {
  limit?: number;
  cursor?: string | null;
}

/** `GET /local-runs/{run_id}/log`: at most 256 KiB of the log. */
export interface ILocalRunLog {
  offset: number;
  next_offset: number;
  text: string;
  /** The run has ended and the log is read to its end. */
  complete: boolean;
}

/** The body of `POST /entries/{id}/synthetic-data`. */
export interface ISyntheticDataRequest {
  rows: number;
  seed?: number;
  directory?: string;
}

export interface ISyntheticDataWritten {
  path: string;
  rows: number;
  columns: string[];
}

export interface IDryRunOk {
  ok: true;
}

export const FINAL_LOCAL_RUN_STATUSES: ReadonlyArray<string> = [
  'completed',
  'failed',
  'stopped'
];

export function isFinalLocalRunStatus(status: string): boolean {
  return FINAL_LOCAL_RUN_STATUSES.includes(status);
}

/** Hyperparameters the training toolkit sets itself (not the user's). */
export function userHyperparameters(
  written: Readonly<Record<string, string>>
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(written).filter(([name]) => !name.startsWith('sagemaker_'))
  );
}
