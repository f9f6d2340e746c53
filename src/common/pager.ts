import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { asApiError } from './errors';
import type { ApiError } from '../api/request';
import type { IEntry, IEntryPage } from '../api/types';

/**
 * Fetch one page: the first one when `cursor` is null. `signal` aborts it
 * when the list is reset before it answers.
 */
export type PageFetcher = (
  cursor: string | null,
  signal: AbortSignal
) => Promise<IEntryPage>;

/** What the list shows. */
export interface IPagerState {
  /** `idle` before the first reset; `loading` while the first page loads. */
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  /** The entries of the pages loaded so far, each once. */
  readonly items: ReadonlyArray<IEntry>;
  /** How many entries match, across all pages (null until known). */
  readonly total: number | null;
  /** The cursor of the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** A next page is being fetched. */
  readonly loadingMore: boolean;
  /** Why the first page failed (status `error`). */
  readonly error: ApiError | null;
  /** Why the last next-page request failed (the loaded pages stay). */
  readonly moreError: ApiError | null;
}

const IDLE: IPagerState = {
  status: 'idle',
  items: [],
  total: null,
  nextCursor: null,
  loadingMore: false,
  error: null,
  moreError: null
};

/**
 * A cursor-paged list of entries that never has two requests in flight.
 *
 * `reset()` starts over (aborting whatever was in flight); `loadMore()` asks
 * for the next page unless one is already on its way, or there is none.
 */
export class EntryPager implements IDisposable {
  /** Emitted whenever `state` changes. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get state(): IPagerState {
    return this._state;
  }

  /** Whether a next page exists and may be requested now. */
  get canLoadMore(): boolean {
    const state = this._state;
    return (
      state.status === 'ready' &&
      state.nextCursor !== null &&
      this._inFlight === null
    );
  }

  /** Whether a request is on its way. */
  get busy(): boolean {
    return this._inFlight !== null;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Start over with `fetch`: drop the pages, load the first one. */
  reset(fetch: PageFetcher): Promise<void> {
    this._abort();
    this._fetch = fetch;
    this._set({ ...IDLE, status: 'loading' });
    return this._request(null, page => ({
      ...IDLE,
      status: 'ready',
      items: Private.unique(page.items),
      total: page.total,
      nextCursor: page.next_cursor
    }));
  }

  /**
   * Load the next page. While any request is in flight this returns that
   * request instead of starting another; on the last page it does nothing.
   */
  loadMore(): Promise<void> {
    if (this._inFlight) {
      return this._inFlight;
    }
    const cursor = this._state.nextCursor;
    if (this._state.status !== 'ready' || cursor === null || !this._fetch) {
      return Promise.resolve();
    }
    this._set({ ...this._state, loadingMore: true, moreError: null });
    return this._request(cursor, page => {
      const seen = new Set(this._state.items.map(item => item.id));
      return {
        ...this._state,
        items: [
          ...this._state.items,
          ...Private.unique(page.items).filter(item => !seen.has(item.id))
        ],
        total: page.total,
        nextCursor: page.next_cursor,
        loadingMore: false
      };
    });
  }

  /** Try again whatever failed last: the first page, or the next one. */
  retry(): Promise<void> {
    if (this._state.status === 'error' && this._fetch) {
      return this.reset(this._fetch);
    }
    return this.loadMore();
  }

  /** Drop an entry that no longer exists (after a delete). */
  remove(id: string): void {
    const items = this._state.items.filter(item => item.id !== id);
    if (items.length === this._state.items.length) {
      return;
    }
    const total = this._state.total;
    this._set({
      ...this._state,
      items,
      total: total === null ? null : Math.max(0, total - 1)
    });
  }

  /** Show the new version of an entry that is in the list. */
  replace(entry: IEntry): void {
    const index = this._state.items.findIndex(item => item.id === entry.id);
    if (index < 0) {
      return;
    }
    const items = [...this._state.items];
    items[index] = entry;
    this._set({ ...this._state, items });
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._abort();
    Signal.clearData(this);
  }

  private _request(
    cursor: string | null,
    apply: (page: IEntryPage) => IPagerState
  ): Promise<void> {
    const controller = new AbortController();
    this._controller = controller;
    const request = (async () => {
      let next: IPagerState;
      try {
        const page = await this._fetch!(cursor, controller.signal);
        if (controller.signal.aborted) {
          return;
        }
        next = apply(page);
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }
        const apiError = asApiError(error);
        next =
          cursor === null
            ? { ...IDLE, status: 'error', error: apiError }
            : { ...this._state, loadingMore: false, moreError: apiError };
      } finally {
        if (this._controller === controller) {
          this._controller = null;
          this._inFlight = null;
        }
      }
      if (!this._isDisposed) {
        this._set(next);
      }
    })();
    // (A fetcher that throws at once has already settled the request.)
    if (this._controller === controller) {
      this._inFlight = request;
    }
    return request;
  }

  private _abort(): void {
    this._controller?.abort();
    this._controller = null;
    this._inFlight = null;
  }

  private _set(state: IPagerState): void {
    this._state = state;
    this._changed.emit();
  }

  private _changed = new Signal<this, void>(this);
  private _controller: AbortController | null = null;
  private _fetch: PageFetcher | null = null;
  private _inFlight: Promise<void> | null = null;
  private _isDisposed = false;
  private _state: IPagerState = IDLE;
}

namespace Private {
  /** Each entry once (a page never repeats one, but be safe). */
  export function unique(items: IEntry[]): IEntry[] {
    const seen = new Set<string>();
    return items.filter(item => {
      if (seen.has(item.id)) {
        return false;
      }
      seen.add(item.id);
      return true;
    });
  }
}
