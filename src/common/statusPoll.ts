/**
 * A status followed live, on a `@lumino/polling` `Poll`: asked again after
 * 2 s, 4 s, 8 s … up to 30 s between requests while it stays the same; the
 * delay starts over when it changes. Polling stands by while the page is
 * hidden, and stops for good when the status is final (a job Completed,
 * Failed or Stopped; an endpoint InService or Failed), when the server says
 * the request itself is wrong (4xx), or when disposed.
 */
import type { IDisposable } from '@lumino/disposable';
import { Poll } from '@lumino/polling';
import { ISignal, Signal } from '@lumino/signaling';

import { asApiError } from './errors';
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

/** What a status poll knows. */
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
 *
 * Each request is one tick of a `Poll`; after each answer the poll's
 * interval is set to the next delay of the backoff (the poll's own backoff,
 * random and only after failures, is not used: a status that does not move
 * is asked for less and less often).
 */
export class StatusPoll<T> implements IDisposable {
  constructor(options: StatusPoll.IOptions<T>) {
    this._load = options.load;
    this._isFinal = options.isFinal;
    this._key = options.key ?? (() => '');
    this._backoff = options.backoff ?? DEFAULT_BACKOFF;
    this._poll = new Poll<void>({
      name: options.name ?? 'shared-models:status',
      auto: false,
      factory: () => this._tick(),
      frequency: {
        interval: this._backoff.initial,
        max: this._backoff.max,
        backoff: false
      },
      standby: options.standby ?? 'when-hidden'
    });
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
    const { phase, interval } = this._poll.state;
    if (
      this._state.loading ||
      phase === 'stopped' ||
      phase === 'disposed' ||
      phase === 'constructed' ||
      interval === Poll.NEVER
    ) {
      return null;
    }
    return interval;
  }

  /**
   * Resolves once the next request has been answered (or polling stopped);
   * never rejects.
   */
  get tick(): Promise<void> {
    return this._poll.tick.then(
      () => undefined,
      () => undefined
    );
  }

  /** Show an answer the caller already has (e.g. from the launch). */
  set(value: T): void {
    this._update({ value, error: null });
  }

  /**
   * Ask now, and poll on from the shortest delay (also after polling
   * stopped). A request on its way is dropped. Resolves once answered.
   */
  async refresh(): Promise<void> {
    if (this._isDisposed) {
      return;
    }
    this._drop();
    this._attempt = 0;
    this._update({ stopped: false });
    await this._poll.schedule({
      interval: Poll.IMMEDIATE,
      phase: 'refreshed'
    });
    await this.tick;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._drop();
    this._poll.dispose();
    this._state = { ...this._state, stopped: true, loading: false };
    Signal.clearData(this);
  }

  /** One request; the poll's next tick comes after the delay it sets. */
  private async _tick(): Promise<void> {
    const generation = this._generation;
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
    if (this._isDisposed || generation !== this._generation) {
      return; // dropped: a refresh (or dispose) came first
    }
    this._abort = null;
    const checkedAt = new Date();
    if (error) {
      // A 4xx will not mend itself (not found, not allowed, bad name).
      const hopeless =
        error.status >= 400 && error.status < 500 && error.status !== 429;
      this._update({ error, loading: false, checkedAt, stopped: hopeless });
      this._next(hopeless);
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
    this._next(final);
  }

  /** Stop, or set the delay before the next tick (the poll schedules it). */
  private _next(stop: boolean): void {
    if (stop) {
      void this._poll.stop();
      return;
    }
    this._poll.frequency = {
      ...this._poll.frequency,
      interval: backoffDelay(this._attempt++, this._backoff)
    };
  }

  /** Drop the request on its way: its answer will not be shown. */
  private _drop(): void {
    this._generation++;
    this._abort?.abort();
    this._abort = null;
    if (this._state.loading) {
      this._update({ loading: false });
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
  private _generation = 0;
  private _isDisposed = false;
  private _isFinal: (value: T) => boolean;
  private _key: (value: T) => string;
  private _lastKey: string | null = null;
  private _load: (signal: AbortSignal) => Promise<T>;
  private _poll: Poll<void>;
  private _state: IPollState<T> = {
    value: null,
    error: null,
    loading: false,
    stopped: false,
    checkedAt: null
  };
}

export namespace StatusPoll {
  export interface IOptions<T> {
    /** Fetch the status (rejects on failure; `signal` aborts it). */
    load: (signal: AbortSignal) => Promise<T>;
    /** Nothing will change any more: stop polling. */
    isFinal: (value: T) => boolean;
    /** What counts as a change (resets the backoff); default: nothing. */
    key?: (value: T) => string;
    backoff?: Readonly<IBackoff>;
    /** The poll's name (for debugging). */
    name?: string;
    /** When to stand by; by default while the page is hidden. */
    standby?: Poll.Standby | (() => boolean | Poll.Standby);
  }
}
