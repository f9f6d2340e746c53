/**
 * The local-run routes' types, for this folder's code: the server's,
 * generated (`src/api/launchTypes.ts`), never written here.
 */
import { isFinalStatus } from '../common/servedRules';

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

/**
 * A local run's status is final (it has ended, for good): the served rule
 * (`rules.statuses`); never while the rules are not loaded.
 */
export function isFinalLocalRunStatus(status: string): boolean {
  return isFinalStatus('local-run', status);
}

/** Hyperparameters the training toolkit sets itself (not the user's). */
export function userHyperparameters(
  written: Readonly<Record<string, string>>
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(written).filter(([name]) => !name.startsWith('sagemaker_'))
  );
}
