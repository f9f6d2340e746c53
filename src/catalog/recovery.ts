/**
 * The panel comes back by itself when the catalog does: while the first page
 * or the signed-in user failed because the catalog did not answer (HTTP 502,
 * 503 or 504, or no answer at all: the team's catalog service restarting,
 * the database down), both are asked again after 2 s, 4 s, 8 s … up to 30 s,
 * on a `@lumino/polling` `Poll` that stands by while the page is hidden. The
 * first success ends it; an answer that says the request itself is wrong
 * (4xx) is left for the user to act on (the panel's Retry button).
 */
import type { IDisposable } from '@lumino/disposable';
import { Poll } from '@lumino/polling';

import type { ApiError } from '../api/request';
import { DEFAULT_BACKOFF } from '../common/statusPoll';

/** Whether a failure may pass by itself: the server, or what is behind it, did not answer. */
export function isTransient(error: ApiError | null | undefined): boolean {
  return (
    !!error && (error.status === 0 || [502, 503, 504].includes(error.status))
  );
}

export class CatalogRecovery implements IDisposable {
  constructor(options: CatalogRecovery.IOptions) {
    this._options = options;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Whether the panel is waiting for the catalog to answer again. */
  get active(): boolean {
    return this._poll !== null;
  }

  /** Look at what failed: start retrying, or stop once nothing transient is left. */
  check(): void {
    if (this._isDisposed) {
      return;
    }
    const failed = this._options.failure();
    if (isTransient(failed) && this._poll === null) {
      this._poll = new Poll({
        auto: false,
        factory: () => this._tryAgain(),
        frequency: {
          interval: DEFAULT_BACKOFF.initial,
          backoff: DEFAULT_BACKOFF.factor,
          max: DEFAULT_BACKOFF.max
        },
        standby: 'when-hidden'
      });
      void this._poll.schedule({
        interval: DEFAULT_BACKOFF.initial,
        phase: 'started'
      });
    } else if (!isTransient(failed) && this._poll !== null) {
      this._stop();
    }
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._stop();
  }

  private async _tryAgain(): Promise<void> {
    await this._options.retry();
    const failed = this._options.failure();
    if (isTransient(failed)) {
      throw failed; // a rejection: the next try backs off
    }
    this._stop();
  }

  private _stop(): void {
    const poll = this._poll;
    this._poll = null;
    poll?.dispose();
  }

  private _isDisposed = false;
  private _options: CatalogRecovery.IOptions;
  private _poll: Poll | null = null;
}

export namespace CatalogRecovery {
  export interface IOptions {
    /** What failed, if anything (the first page, the signed-in user). */
    failure: () => ApiError | null;
    /** Ask again for what failed; never rejects (failures land in the state). */
    retry: () => Promise<void>;
  }
}
