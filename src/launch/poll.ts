/**
 * Polling with exponential backoff: a status is asked for again after 2 s,
 * 4 s, 8 s … up to 30 s between requests; the delay starts over when the
 * status changes. Polling stops for good when the status is final (a job
 * Completed, Failed or Stopped; an endpoint InService or Failed), when the
 * server says the request itself is wrong (4xx), or when disposed.
 */
import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { asApiError } from '../common/errors';
import type { ApiError } from '../api/request';

export interface IBackoff {
  /** The first delay (ms). */
  initial: number;
  /** The longest delay (ms). */
  max: number;
  /** Each delay is this many times the previous one. */
  factor: number;
}

export const DEFAULT_BACKOFF: Readonly<IBackoff> = {
  initial: 2000,
  max: 30000,
  factor: 2
};

/** The delay before poll number `attempt` (0-based) since the last change. */
export function backoffDelay(
  attempt: number,
  backoff: Readonly<IBackoff> = DEFAULT_BACKOFF
): number {
  const delay =
    backoff.initial * Math.pow(backoff.factor, Math.max(0, attempt));
  return Math.min(backoff.max, delay);
}

/** The first `count` delays: 2000, 4000, 8000, 16000, 30000, 30000 … */
export function backoffSchedule(
  count: number,
  backoff: Readonly<IBackoff> = DEFAULT_BACKOFF
): number[] {
  return Array.from({ length: count }, (_, attempt) =>
    backoffDelay(attempt, backoff)
  );
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

/** What a poller knows. */
export interface IPollState<T> {
  /** The last answer (kept while a later request fails). */
  value: T | null;
  /** The last request's failure; null after a success. */
  error: ApiError | null;
  /** A request is on its way. */
  loading: boolean;
  /** Polling is over (a final status, a 4xx answer, or disposed). */
  stopped: boolean;
  /** When the last answer (or failure) came. */
  checkedAt: Date | null;
}

/**
 * Asks `load()` again and again, with backoff, until `isFinal(value)`.
 * Never rejects: failures land in `state.error`.
 */
export class StatusPoller<T> implements IDisposable {
  constructor(options: StatusPoller.IOptions<T>) {
    this._load = options.load;
    this._isFinal = options.isFinal;
    this._key = options.key ?? (() => '');
    this._backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  /** Emitted on every change of `state`. */
  get changed(): ISignal<this, IPollState<T>> {
    return this._changed;
  }

  get state(): IPollState<T> {
    return this._state;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** The delay before the next request (ms); null when none is scheduled. */
  get nextDelay(): number | null {
    return this._timer === null ? null : this._delay;
  }

  /** Show an answer the caller already has (e.g. from the launch). */
  set(value: T): void {
    this._update({ value, error: null });
  }

  /** Ask now, and poll on from the shortest delay (also after polling stopped). */
  refresh(): Promise<void> {
    if (this._isDisposed) {
      return Promise.resolve();
    }
    this._attempt = 0;
    this._update({ stopped: false });
    return this._poll();
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._clearTimer();
    this._abort?.abort();
    this._state = { ...this._state, stopped: true, loading: false };
    Signal.clearData(this);
  }

  private async _poll(): Promise<void> {
    this._clearTimer();
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._update({ loading: true });
    let value: T | null = null;
    let error: ApiError | null = null;
    try {
      value = await this._load(abort.signal);
    } catch (reason) {
      error = asApiError(reason);
    }
    if (this._isDisposed || abort.signal.aborted) {
      return;
    }
    this._abort = null;
    const checkedAt = new Date();
    if (error) {
      // A 4xx will not mend itself (not found, not allowed, bad name).
      const hopeless =
        error.status >= 400 && error.status < 500 && error.status !== 429;
      this._update({ error, loading: false, checkedAt, stopped: hopeless });
      if (!hopeless) {
        this._schedule();
      }
      return;
    }
    const answer = value as T;
    const key = this._key(answer);
    if (key !== this._lastKey) {
      // Something moved: look again soon.
      this._lastKey = key;
      this._attempt = 0;
    }
    const final = this._isFinal(answer);
    this._update({
      value: answer,
      error: null,
      loading: false,
      checkedAt,
      stopped: final
    });
    if (!final) {
      this._schedule();
    }
  }

  private _schedule(): void {
    this._delay = backoffDelay(this._attempt++, this._backoff);
    this._timer = setTimeout(() => {
      this._timer = null;
      void this._poll();
    }, this._delay);
  }

  private _clearTimer(): void {
    if (this._timer !== null) {
      clearTimeout(this._timer);
      this._timer = null;
    }
  }

  private _update(patch: Partial<IPollState<T>>): void {
    if (this._isDisposed) {
      return;
    }
    this._state = { ...this._state, ...patch };
    this._changed.emit(this._state);
  }

  private _abort: AbortController | null = null;
  private _attempt = 0;
  private _backoff: Readonly<IBackoff>;
  private _changed = new Signal<this, IPollState<T>>(this);
  private _delay = 0;
  private _isDisposed = false;
  private _isFinal: (value: T) => boolean;
  private _key: (value: T) => string;
  private _lastKey: string | null = null;
  private _load: (signal: AbortSignal) => Promise<T>;
  private _state: IPollState<T> = {
    value: null,
    error: null,
    loading: false,
    stopped: false,
    checkedAt: null
  };
  private _timer: ReturnType<typeof setTimeout> | null = null;
}

export namespace StatusPoller {
  export interface IOptions<T> {
    /** Fetch the status (rejects on failure; `signal` aborts it). */
    load: (signal: AbortSignal) => Promise<T>;
    /** Nothing will change any more: stop polling. */
    isFinal: (value: T) => boolean;
    /** What counts as a change (resets the backoff); default: nothing. */
    key?: (value: T) => string;
    backoff?: Readonly<IBackoff>;
  }
}
