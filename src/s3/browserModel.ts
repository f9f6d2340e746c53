import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { CursorPager, ICursorPage, IPagerState } from '../common/pager';
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

/** The browser's state: where it is, and the pages loaded there. */
export interface IS3BrowserState extends Omit<IPagerState<IS3Item>, 'status'> {
  /** Null: the list of buckets. */
  readonly location: string | null;
  /** `loading`: the first page of `location` is on its way. */
  readonly status: 'loading' | 'ready' | 'error';
}

/**
 * The state of the S3 browser dialog: where it is, the pages loaded there,
 * loading and errors. One S3 page per request; the next page only when asked
 * (`loadMore()`), never two page requests at once (the extension's one
 * `CursorPager`). Opening another location aborts what is on its way: the
 * newest location wins.
 */
export class S3BrowserModel implements IDisposable {
  constructor(options: S3BrowserModel.IOptions) {
    this._lister = options.lister;
    this._pageSize = options.pageSize ?? S3BrowserModel.PAGE_SIZE;
    this._pager.changed.connect(this._update, this);
  }

  /** Emitted on every change of `state`. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get state(): IS3BrowserState {
    return this._state;
  }

  get isDisposed(): boolean {
    return this._pager.isDisposed;
  }

  /** The location one level up (null: the buckets); undefined at the buckets. */
  get parent(): string | null | undefined {
    const location = this._state.location;
    return location === null ? undefined : parentLocation(location);
  }

  /** Whether "Load more" may ask for the next page now. */
  get canLoadMore(): boolean {
    return this._pager.canLoadMore;
  }

  /** Show `location` (null: the buckets) from its first page. */
  open(location: string | null): Promise<void> {
    this._location = location;
    return this._pager.reset((cursor, signal) =>
      this._fetch(location, cursor, signal)
    );
  }

  /** Append the next page (unless one is on its way, or there is none). */
  loadMore(): Promise<void> {
    return this._pager.loadMore();
  }

  /** Try again what failed: the first page, or the next one. */
  retry(): Promise<void> {
    return this._pager.retry();
  }

  /** Go one level up (from a bucket's root: to the buckets). */
  up(): Promise<void> {
    const parent = this.parent;
    return parent === undefined ? Promise.resolve() : this.open(parent);
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._pager.dispose();
    Signal.clearData(this);
  }

  private async _fetch(
    location: string | null,
    cursor: string | null,
    signal: AbortSignal
  ): Promise<ICursorPage<IS3Item>> {
    if (location === null) {
      const reply = await this._lister.listBuckets({ signal });
      return {
        items: reply.buckets.map(bucket => ({
          kind: 'bucket',
          name: bucket.name,
          uri: bucket.uri
        })),
        next_cursor: null
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
    return { items: [...folders, ...objects], next_cursor: page.next_cursor };
  }

  private _update(): void {
    const state = this._pager.state;
    this._state = {
      ...state,
      location: this._location,
      // Nothing asked yet reads as the buckets loading.
      status: state.status === 'idle' ? 'loading' : state.status
    };
    this._changed.emit();
  }

  private _changed = new Signal<this, void>(this);
  private _lister: IS3Lister;
  private _location: string | null = null;
  private _pageSize: number;
  private _pager = new CursorPager<IS3Item>({ keyOf: item => item.uri });
  private _state: IS3BrowserState = {
    location: null,
    status: 'loading',
    items: [],
    total: null,
    totalIsExact: true,
    error: null,
    nextCursor: null,
    loadingMore: false,
    moreError: null
  };
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
