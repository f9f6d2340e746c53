/** Labels and tones of SageMaker statuses (and of local runs). */
import type { TranslationBundle } from '@jupyterlab/translation';

import { isFinalStatus } from '../common/servedRules';

export type StatusTone = 'running' | 'success' | 'error' | 'neutral';

/** A SageMaker status in words ("InProgress" → "In progress"). */
export function statusLabel(status: string, trans: TranslationBundle): string {
  switch (status) {
    case 'InProgress':
      return trans.__('In progress');
    case 'Completed':
      return trans.__('Completed');
    case 'Failed':
      return trans.__('Failed');
    case 'Stopping':
      return trans.__('Stopping');
    case 'Stopped':
      return trans.__('Stopped');
    case 'Creating':
      return trans.__('Creating');
    case 'InService':
      return trans.__('In service');
    case 'Updating':
      return trans.__('Updating');
    case 'SystemUpdating':
      return trans.__('System updating');
    case 'RollingBack':
      return trans.__('Rolling back');
    case 'Deleting':
      return trans.__('Deleting');
    case 'OutOfService':
      return trans.__('Out of service');
    case 'UpdateRollbackFailed':
      return trans.__('Update rollback failed');
    // A local run's statuses.
    case 'running':
      return trans.__('Running');
    case 'completed':
      return trans.__('Completed');
    case 'failed':
      return trans.__('Failed');
    case 'stopped':
      return trans.__('Stopped');
    default:
      return status;
  }
}

/** How a status looks: running (blue), success (green), error (red), neutral. */
export function statusTone(status: string): StatusTone {
  switch (status) {
    case 'Completed':
    case 'InService':
    case 'completed':
      return 'success';
    case 'Failed':
    case 'OutOfService':
    case 'UpdateRollbackFailed':
    case 'failed':
      return 'error';
    case 'stopped':
    case 'Stopped':
    case 'Stopping':
    case 'Deleting':
      return 'neutral';
    default:
      return 'running';
  }
}

/**
 * A training job's status is final (nothing changes after it): the served
 * rule (`rules.statuses`); never while the rules are not loaded.
 */
export function isFinalJobStatus(status: string): boolean {
  return isFinalStatus('training-job', status);
}

/** An endpoint's status is final (the deployment is over until someone updates it). */
export function isFinalEndpointStatus(status: string): boolean {
  return isFinalStatus('endpoint', status);
}
