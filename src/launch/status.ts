/** Labels and tones of SageMaker statuses (and of local runs). */
import type { TranslationBundle } from '@jupyterlab/translation';

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

/** SageMaker training job statuses after which nothing changes. */
export const FINAL_JOB_STATUSES: ReadonlyArray<string> = [
  'Completed',
  'Failed',
  'Stopped'
];

/** Endpoint statuses at which a deployment is over (until someone updates it). */
export const FINAL_ENDPOINT_STATUSES: ReadonlyArray<string> = [
  'InService',
  'Failed',
  'OutOfService'
];

export function isFinalJobStatus(status: string): boolean {
  return FINAL_JOB_STATUSES.includes(status);
}

export function isFinalEndpointStatus(status: string): boolean {
  return FINAL_ENDPOINT_STATUSES.includes(status);
}
