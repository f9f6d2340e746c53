/**
 * Progress of long requests in JupyterLab's notifications.
 */
import { Notification } from '@jupyterlab/apputils';

/**
 * How long the pending notification shows at least (ms). JupyterLab creates
 * its first toast asynchronously; an update that comes before the toast is
 * on screen is lost, which would leave "…in progress" up for good.
 */
export const MIN_PENDING_MS = 600;

export interface IProgressMessages {
  /** While the request is on its way. */
  pending: string;
  /** From the request's value (a JSON value). */
  success: (value: string) => string;
  /** From the failure's message. */
  error: (message: string) => string;
}

/**
 * Show `request`'s progress as one notification: pending, then success or
 * error. `settled` is what the notification says on success (a string), or
 * rejects with the failure's message.
 */
export function notifyProgress(
  settled: Promise<string>,
  messages: IProgressMessages,
  minPendingMs = MIN_PENDING_MS
): string {
  const shown = new Promise<void>(resolve => setTimeout(resolve, minPendingMs));
  const outcome = Promise.allSettled([settled, shown]).then(([result]) =>
    result.status === 'fulfilled'
      ? result.value
      : Promise.reject(String(result.reason))
  );
  return Notification.promise<string, string, string>(outcome, {
    pending: { message: messages.pending, options: { autoClose: false } },
    success: {
      message: value => messages.success(String(value)),
      options: { autoClose: 6000 }
    },
    error: {
      message: reason => messages.error(String(reason)),
      options: { autoClose: 10000 }
    }
  });
}
