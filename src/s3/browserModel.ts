import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { asApiError } from '../common/errors';
import type { ApiError } from '../api/request';
import type { IBucketList, IS3Listing } from '../api/types';
import { parentLocation, relativeName } from './paths';

/** What the S3 browser needs of the API client. */
export interface IS3Lister {
  listBuckets(options: { signal?: AbortSignal }): Promise<IBucketList>;
  listS3(
    uri: string,
    options: { cursor?: string | null; limit?: number; signal?: AbortSignal }
  ): Promise<IS3Listing>;
}

/** One row of the browser. */
export interface IS3Item {
  kind: 'bucket' | 'folder' | 'object';
  /** What the row shows: the bucket, the folder (no `/`), the object's name. */
  name: string;
  /** What picking the row gives: `s3://b/`, `s3://b/a/`, `s3://b/a/x.csv`. */
  uri: string;
  /** Objects only. */
  size?: number;
  lastModified?: string;
}

/** The browser's state; `location` null is the list of buckets. */
export interface IS3BrowserState {
  location: string | null;
  /** `loading`: the first page of `location` is on its way. */
  status: 'loading' | 'ready' | 'error';
  /** The rows of the pages loaded so far. */
  items: ReadonlyArray<IS3Item>;
  /** The first page failed (status `error`). */
  error: ApiError | null;
  /** There is a next page: "Load more" asks for it. */
  nextCursor: string | null;
  loadingMore: boolean;
  /** The next page failed; the rows loaded so far stay. */
  moreError: ApiError | null;
}

/**
 * The state of the S3 browser dialog: where it is, the pages loaded there,
 * loading and errors. One S3 page per request; the next page only when asked
 * (`loadMore()`), never two page requests at once. Opening another location
 * aborts what is on its way: the newest location wins.
 */
export class S3BrowserModel implements IDisposable {
  constructor(options: S3BrowserModel.IOptions) {
    this._lister = options.lister;
    this._pageSize = options.pageSize ?? S3BrowserModel.PAGE_SIZE;
  }

  /** Emitted on every change of `state`. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get state(): IS3BrowserState {
    return this._state;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** The location one level up (null: the buckets); undefined at the buckets. */
  get parent(): string | null | undefined {
    const location = this._state.location;
    return location === null ? undefined : parentLocation(location);
  }

  /** Whether "Load more" may ask for the next page now. */
  get canLoadMore(): boolean {
    const state = this._state;
    return (
      state.status === 'ready' &&
      state.nextCursor !== null &&
      !state.loadingMore
    );
  }

  /** Show `location` (null: the buckets) from its first page. */
  async open(location: string | null): Promise<void> {
    this._abort();
    const ticket = ++this._ticket;
    const controller = new AbortController();
    this._controller = controller;
    this._set({
      location,
      status: 'loading',
      items: [],
      error: null,
      nextCursor: null,
      loadingMore: false,
      moreError: null
    });
    try {
      const page = await this._fetch(location, null, controller.signal);
      if (ticket === this._ticket) {
        this._set({
          ...this._state,
          status: 'ready',
          items: page.items,
          nextCursor: page.nextCursor
        });
      }
    } catch (reason) {
      if (ticket === this._ticket) {
        this._set({
          ...this._state,
          status: 'error',
          error: asApiError(reason)
        });
      }
    } finally {
      if (this._controller === controller) {
        this._controller = null;
      }
    }
  }

  /** Append the next page (unless one is on its way, or there is none). */
  async loadMore(): Promise<void> {
    if (!this.canLoadMore) {
      return;
    }
    const ticket = this._ticket;
    const { location, nextCursor } = this._state;
    const controller = new AbortController();
    this._controller = controller;
    this._set({ ...this._state, loadingMore: true, moreError: null });
    try {
      const page = await this._fetch(location, nextCursor, controller.signal);
      if (ticket === this._ticket) {
        this._set({
          ...this._state,
          items: [...this._state.items, ...page.items],
          nextCursor: page.nextCursor,
          loadingMore: false
        });
      }
    } catch (reason) {
      if (ticket === this._ticket) {
        this._set({
          ...this._state,
          loadingMore: false,
          moreError: asApiError(reason)
        });
      }
    } finally {
      if (this._controller === controller) {
        this._controller = null;
      }
    }
  }

  /** Try again what failed: the first page, or the next one. */
  retry(): Promise<void> {
    const state = this._state;
    if (state.status === 'error') {
      return this.open(state.location);
    }
    if (state.moreError) {
      this._set({ ...state, moreError: null });
      return this.loadMore();
    }
    return Promise.resolve();
  }

  /** Go one level up (from a bucket's root: to the buckets). */
  up(): Promise<void> {
    const parent = this.parent;
    return parent === undefined ? Promise.resolve() : this.open(parent);
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._ticket++;
    this._abort();
    Signal.clearData(this);
  }

  private async _fetch(
    location: string | null,
    cursor: string | null,
    signal: AbortSignal
  ): Promise<{ items: IS3Item[]; nextCursor: string | null }> {
    if (location === null) {
      const reply = await this._lister.listBuckets({ signal });
      return {
        items: reply.buckets.map(bucket => ({
          kind: 'bucket',
          name: bucket.name,
          uri: bucket.uri
        })),
        nextCursor: null
      };
    }
    const page = await this._lister.listS3(location, {
      cursor,
      limit: this._pageSize,
      signal
    });
    const folders: IS3Item[] = page.folders.map(folder => ({
      kind: 'folder',
      name: folder.name,
      uri: folder.uri
    }));
    const objects: IS3Item[] = page.objects.map(object => ({
      kind: 'object',
      name: relativeName(object.key, page.uri || location),
      uri: object.uri,
      size: object.size,
      lastModified: object.last_modified
    }));
    return { items: [...folders, ...objects], nextCursor: page.next_cursor };
  }

  private _abort(): void {
    this._controller?.abort();
    this._controller = null;
  }

  private _set(state: IS3BrowserState): void {
    this._state = state;
    if (!this._isDisposed) {
      this._changed.emit();
    }
  }

  private _changed = new Signal<this, void>(this);
  private _controller: AbortController | null = null;
  private _isDisposed = false;
  private _lister: IS3Lister;
  private _pageSize: number;
  private _state: IS3BrowserState = {
    location: null,
    status: 'loading',
    items: [],
    error: null,
    nextCursor: null,
    loadingMore: false,
    moreError: null
  };
  private _ticket = 0;
}

export namespace S3BrowserModel {
  export interface IOptions {
    lister: IS3Lister;
    /** Keys and folders per page (1–1000); 200 by default. */
    pageSize?: number;
  }

  /** The default page size. */
  export const PAGE_SIZE = 200;
}
