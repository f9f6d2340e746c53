/**
 * The hubs of `GET /hubs`, paged by the extension's one pager
 * (`common/pager.ts`): one request at a time, a reset aborts what is in
 * flight, Load more asks for the next page.
 */
import type { IDisposable } from '@lumino/disposable';
import type { ISignal } from '@lumino/signaling';

import { CursorPager, IPagerState } from '../common/pager';
import type { DestinationsClient } from '../api/destinations';
import type { IHub } from './types';

export const HUB_PAGE_SIZE = 20;

export class HubList implements IDisposable {
  constructor(options: HubList.IOptions) {
    const { client } = options;
    const limit = options.pageSize ?? HUB_PAGE_SIZE;
    this._pager = new CursorPager<IHub>({
      keyOf: hub => hub.name,
      fetch: (cursor, signal) => client.hubs({ limit, cursor }, { signal })
    });
  }

  /** Emitted whenever the list changes. */
  get changed(): ISignal<CursorPager<IHub>, void> {
    return this._pager.changed;
  }

  /** The pager's state (status, errors, next cursor). */
  get state(): IPagerState<IHub> {
    return this._pager.state;
  }

  /** The hubs loaded so far, in the server's order. */
  get hubs(): ReadonlyArray<IHub> {
    return this._pager.state.items;
  }

  get canLoadMore(): boolean {
    return this._pager.canLoadMore;
  }

  get isDisposed(): boolean {
    return this._pager.isDisposed;
  }

  /** Load the first page (again). */
  reset(): Promise<void> {
    return this._pager.reset();
  }

  loadMore(): Promise<void> {
    return this._pager.loadMore();
  }

  retry(): Promise<void> {
    return this._pager.retry();
  }

  dispose(): void {
    this._pager.dispose();
  }

  private _pager: CursorPager<IHub>;
}

export namespace HubList {
  export interface IOptions {
    client: DestinationsClient;
    pageSize?: number;
  }
}
