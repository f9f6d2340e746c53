/** Labels and tones of SageMaker statuses. */
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
    default:
      return status;
  }
}

/** How a status looks: running (blue), success (green), error (red), neutral. */
export function statusTone(status: string): StatusTone {
  switch (status) {
    case 'Completed':
    case 'InService':
      return 'success';
    case 'Failed':
    case 'OutOfService':
      return 'error';
    case 'Stopped':
    case 'Stopping':
    case 'Deleting':
      return 'neutral';
    default:
      return 'running';
  }
}
