import { asApiError } from './errors';
import type { ApiError } from '../api/request';

/** The state of something loaded from the server. */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ApiError };

/**
 * One value loaded from the server: `ensure()` loads it once (and again after
 * a failure), `refresh()` loads it anew. When loads overlap, the newest wins.
 * Never rejects: failures land in `state`.
 */
export class Resource<T> {
  constructor(options: Resource.IOptions<T>) {
    this._load = options.load;
    this._changed = options.changed;
  }

  get state(): Loadable<T> {
    return this._state;
  }

  /** Load unless loaded (or loading) already; a failed load is tried again. */
  ensure(): Promise<void> {
    if (!this._pending || this._state.status === 'error') {
      this._pending = this.refresh();
    }
    return this._pending;
  }

  /** Load anew. */
  async refresh(): Promise<void> {
    const request = ++this._request;
    if (!this._pending) {
      this._pending = Promise.resolve();
    }
    this._set({ status: 'loading' });
    let next: Loadable<T>;
    try {
      next = { status: 'ready', value: await this._load() };
    } catch (error) {
      next = { status: 'error', error: asApiError(error) };
    }
    if (request === this._request) {
      this._set(next);
    }
  }

  /** Show a value the caller already has (e.g. just saved). */
  set(value: T): void {
    ++this._request;
    this._pending = this._pending ?? Promise.resolve();
    this._set({ status: 'ready', value });
  }

  /** Drop answers still on their way (when the owner is disposed). */
  cancel(): void {
    ++this._request;
  }

  private _set(state: Loadable<T>): void {
    this._state = state;
    this._changed();
  }

  private _changed: () => void;
  private _load: () => Promise<T>;
  private _pending: Promise<void> | null = null;
  private _request = 0;
  private _state: Loadable<T> = { status: 'loading' };
}

export namespace Resource {
  export interface IOptions<T> {
    /** Fetch the value (rejects on failure). */
    load: () => Promise<T>;
    /** Called on every state change. */
    changed: () => void;
  }
}
