/**
 * The one cursor-paged list of the extension: the catalog, the S3 browser,
 * My launches, the training job picker and the hubs all page through it.
 */
import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { asApiError } from './errors';
import type { ApiError } from '../api/request';

/** One page of a cursor-paged route (`next_cursor` null on the last page). */
export interface ICursorPage<T> {
  items: ReadonlyArray<T>;
  next_cursor: string | null;
  /** How many items match, across all pages, when the route says. */
  total?: number | null;
  /** False when `total` is only a lower bound (the route stopped counting). */
  total_is_exact?: boolean;
}

/**
 * Fetch one page: the first one when `cursor` is null. `signal` aborts it
 * when the list is reset before it answers.
 */
export type PageFetcher<T> = (
  cursor: string | null,
  signal: AbortSignal
) => Promise<ICursorPage<T>>;

/** What the list shows. */
export interface IPagerState<T> {
  /** `idle` before the first reset; `loading` while the first page loads. */
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  /** The items of the pages loaded so far, each once. */
  readonly items: ReadonlyArray<T>;
  /** How many items match, across all pages (null until known). */
  readonly total: number | null;
  /** False when `total` is a lower bound: at least that many match. */
  readonly totalIsExact: boolean;
  /** The cursor of the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** A next page is being fetched. */
  readonly loadingMore: boolean;
  /** Why the first page failed (status `error`). */
  readonly error: ApiError | null;
  /** Why the last next-page request failed (the loaded pages stay). */
  readonly moreError: ApiError | null;
}

/** The state before anything was asked. */
function idle<T>(): IPagerState<T> {
  return {
    status: 'idle',
    items: [],
    total: null,
    totalIsExact: true,
    nextCursor: null,
    loadingMore: false,
    error: null,
    moreError: null
  };
}

/**
 * A cursor-paged list that never has two requests in flight.
 *
 * `reset()` starts over from the first page (aborting whatever was in
 * flight: an answer that comes after is dropped); `refresh()` does the same
 * but keeps the loaded items on screen until the first page answers;
 * `loadMore()` asks for the next page unless one is already on its way, or
 * there is none; `retry()` tries again whatever failed last.
 */
export class CursorPager<T> implements IDisposable {
  constructor(options: CursorPager.IOptions<T>) {
    this._keyOf = options.keyOf;
    this._fetch = options.fetch ?? null;
  }

  /** Emitted whenever `state` changes. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get state(): IPagerState<T> {
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

  /**
   * Start over: drop the pages, load the first one. With `fetch`, the list
   * pages through it from now on (a new query); without, through the last one.
   */
  reset(fetch?: PageFetcher<T>): Promise<void> {
    return this._first(fetch, false);
  }

  /**
   * Load the first page again, keeping the items loaded so far on screen
   * (also when it fails) until it answers.
   */
  refresh(fetch?: PageFetcher<T>): Promise<void> {
    return this._first(fetch, true);
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
    return this._request(
      cursor,
      page => {
        const seen = new Set(this._state.items.map(item => this._keyOf(item)));
        return {
          ...this._state,
          items: [
            ...this._state.items,
            ...this._unique(page.items).filter(
              item => !seen.has(this._keyOf(item))
            )
          ],
          total: page.total ?? null,
          totalIsExact: page.total_is_exact ?? true,
          nextCursor: page.next_cursor,
          loadingMore: false
        };
      },
      error => ({ ...this._state, loadingMore: false, moreError: error })
    );
  }

  /** Try again whatever failed last: the first page, or the next one. */
  retry(): Promise<void> {
    if (this._state.status === 'error') {
      return this.reset();
    }
    return this.loadMore();
  }

  /** Drop an item that no longer exists (after a delete). */
  remove(key: string): void {
    const items = this._state.items.filter(item => this._keyOf(item) !== key);
    if (items.length === this._state.items.length) {
      return;
    }
    const { total, totalIsExact } = this._state;
    this._set({
      ...this._state,
      items,
      // A lower bound stays one: the items beyond it may still reach it.
      total: total === null || !totalIsExact ? total : Math.max(0, total - 1)
    });
  }

  /** Show the new version of an item that is in the list. */
  replace(item: T): void {
    const key = this._keyOf(item);
    const index = this._state.items.findIndex(old => this._keyOf(old) === key);
    if (index < 0) {
      return;
    }
    const items = [...this._state.items];
    items[index] = item;
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

  private _first(
    fetch: PageFetcher<T> | undefined,
    keep: boolean
  ): Promise<void> {
    if (this._isDisposed) {
      return Promise.resolve();
    }
    this._abort();
    this._fetch = fetch ?? this._fetch;
    if (!this._fetch) {
      return Promise.resolve();
    }
    const before = this._state;
    this._set(
      keep
        ? {
            ...before,
            status: 'loading',
            loadingMore: false,
            error: null,
            moreError: null
          }
        : { ...idle<T>(), status: 'loading' }
    );
    return this._request(
      null,
      page => ({
        ...idle<T>(),
        status: 'ready',
        items: this._unique(page.items),
        total: page.total ?? null,
        totalIsExact: page.total_is_exact ?? true,
        nextCursor: page.next_cursor
      }),
      error =>
        keep
          ? { ...this._state, status: 'error', error }
          : { ...idle<T>(), status: 'error', error }
    );
  }

  private _request(
    cursor: string | null,
    apply: (page: ICursorPage<T>) => IPagerState<T>,
    failed: (error: ApiError) => IPagerState<T>
  ): Promise<void> {
    const fetch = this._fetch!;
    const controller = new AbortController();
    this._controller = controller;
    const request = (async () => {
      let next: IPagerState<T>;
      try {
        const page = await fetch(cursor, controller.signal);
        if (controller.signal.aborted) {
          return; // a reset came first: this answer is stale
        }
        next = apply(page);
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }
        next = failed(asApiError(error));
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

  /** Each item once (a page never repeats one, but be safe). */
  private _unique(items: ReadonlyArray<T>): T[] {
    const seen = new Set<string>();
    return items.filter(item => {
      const key = this._keyOf(item);
      if (seen.has(key)) {
        return false;
      }
      seen.add(key);
      return true;
    });
  }

  private _abort(): void {
    this._controller?.abort();
    this._controller = null;
    this._inFlight = null;
  }

  private _set(state: IPagerState<T>): void {
    this._state = state;
    this._changed.emit();
  }

  private _changed = new Signal<this, void>(this);
  private _controller: AbortController | null = null;
  private _fetch: PageFetcher<T> | null;
  private _inFlight: Promise<void> | null = null;
  private _isDisposed = false;
  private _keyOf: (item: T) => string;
  private _state: IPagerState<T> = idle<T>();
}

export namespace CursorPager {
  export interface IOptions<T> {
    /** What makes an item itself: a page never shows one twice. */
    keyOf: (item: T) => string;
    /** The pages to go through, until `reset(fetch)` gives others. */
    fetch?: PageFetcher<T>;
  }
}

/**
 * How many items match, as the list says it: `1,234`, or `1,000+` when the
 * route stopped counting; null while unknown.
 */
export function totalText(
  state: Pick<IPagerState<unknown>, 'total' | 'totalIsExact'>,
  locale?: string
): string | null {
  if (state.total === null) {
    return null;
  }
  const count = state.total.toLocaleString(locale);
  return state.totalIsExact ? count : `${count}+`;
}
