/** How the launch views report a stop the server refused. */
import { Notification } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';

import { asApiError } from '../common/errors';

/**
 * Tell why a stop was refused: a 409 (already stopping or ended) is news, not
 * an error; anything else is.
 */
export function notifyStopFailure(
  reason: unknown,
  name: string,
  trans: TranslationBundle
): void {
  const error = asApiError(reason);
  if (error.status === 409) {
    Notification.info(error.message, { autoClose: 6000 });
  } else {
    Notification.error(trans.__('Could not stop %1: %2', name, error.message), {
      autoClose: 10000
    });
  }
}
