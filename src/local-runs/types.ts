/**
 * The local-run routes' types, for this folder's code: the server's,
 * generated (`src/api/launchTypes.ts`), never written here.
 */
export type {
  IDryRunOk,
  ILocalRunLog,
  ILocalRunPage,
  ILocalRunQuery,
  ILocalRunStarted,
  ILocalRunStatus,
  ILocalRunSummary,
  IStartLocalRun,
  ISyntheticDataRequest,
  ISyntheticDataWritten,
  LocalRunPhase,
  LocalRunStatusName,
  MetricPoint
} from '../api/launchTypes';

/** The value of a channel that is generated from the entry's columns. */
export const SYNTHETIC = 'synthetic';
export const DEFAULT_SYNTHETIC_ROWS = 1000;
/** Where model.tar.gz goes when the request names no output. */
export const DEFAULT_OUTPUT = 'shared-models-runs';

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
