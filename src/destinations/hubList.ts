/**
 * The hubs of `GET /hubs`, paged by the catalog's own pager (`pager.ts`):
 * one request at a time, a reset aborts what is in flight, Load more asks
 * for the next page.
 */
import type { IDisposable } from '@lumino/disposable';
import type { ISignal } from '@lumino/signaling';

import { EntryPager, IPagerState } from '../common/pager';
import type { IEntry, IEntryPage } from '../api/types';
import type { DestinationsClient } from '../api/destinations';
import type { IHub, IHubPage } from './types';

export const HUB_PAGE_SIZE = 20;

export class HubList implements IDisposable {
  constructor(options: HubList.IOptions) {
    this._client = options.client;
    this._pageSize = options.pageSize ?? HUB_PAGE_SIZE;
  }

  /** Emitted whenever the list changes. */
  get changed(): ISignal<EntryPager, void> {
    return this._pager.changed;
  }

  /** The pager's state (status, errors, next cursor). */
  get state(): IPagerState {
    return this._pager.state;
  }

  /** The hubs loaded so far, in the server's order. */
  get hubs(): IHub[] {
    return this._pager.state.items
      .map(item => this._hubs.get(item.id))
      .filter((hub): hub is IHub => hub !== undefined);
  }

  get canLoadMore(): boolean {
    return this._pager.canLoadMore;
  }

  get isDisposed(): boolean {
    return this._pager.isDisposed;
  }

  /** Load the first page (again). */
  reset(): Promise<void> {
    return this._pager.reset((cursor, signal) =>
      this._client
        .hubs({ limit: this._pageSize, cursor }, { signal })
        .then(page => this._asPage(page))
    );
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

  /**
   * The pager keeps entries by `id`; a hub is kept by its name, and the
   * hub itself here.
   */
  private _asPage(page: IHubPage): IEntryPage {
    for (const hub of page.items) {
      this._hubs.set(hub.name, hub);
    }
    return {
      items: page.items.map(hub => ({ id: hub.name }) as unknown as IEntry),
      next_cursor: page.next_cursor,
      total: this._hubs.size
    };
  }

  private _client: DestinationsClient;
  private _hubs = new Map<string, IHub>();
  private _pageSize: number;
  private _pager = new EntryPager();
}

export namespace HubList {
  export interface IOptions {
    client: DestinationsClient;
    pageSize?: number;
  }
}
