/**
 * The state behind the Shared models panel: who is signed in, the catalog
 * query (tab, search, sort, filters), the pages loaded so far, the selection.
 * What it loads once is in session.ts, the query's state in queryState.ts.
 *
 * Views render from it and listen to `stateChanged`; they never call the
 * server themselves. Any change of the query reloads the list from its first
 * page; `loadMore()` never has two page requests in flight.
 */
import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { SharedModelsClient } from '../api/catalog';
import { Vocabulary } from '../common/labels';
import { CursorPager, IPagerState } from '../common/pager';
import { EntryExtensions } from './entryExtensions';
import {
  buildQuery,
  FilterKey,
  ICatalogQuery,
  IFilters,
  ListSort,
  withFilter
} from './query';
import { CatalogQueryState } from './queryState';
import { CatalogRecovery, isTransient } from './recovery';
import { CatalogSession } from './session';
import type { Loadable } from '../common/resource';
import { CatalogTab, IPanelSettings } from '../common/settings';
import type { IEntry, IMe, IOptions } from '../api/types';

export type { Loadable } from '../common/resource';

export class SharedModelsModel implements IDisposable {
  constructor(options: SharedModelsModel.IOptions) {
    this.client = options.client;
    this._session = new CatalogSession(this.client, () => this._emit());
    this._query = new CatalogQueryState(options);
    this._pager.changed.connect(this._emit, this);
    this.extensions.changed.connect(this._emit, this);
    this._recovery = new CatalogRecovery({
      failure: () => {
        const me = this._session.me;
        if (me.status === 'error' && isTransient(me.error)) {
          return me.error;
        }
        const list = this._pager.state;
        return list.status === 'error' ? list.error : null;
      },
      retry: async () => {
        const me = this._session.me;
        await Promise.all([
          me.status === 'error' ? this._session.refreshMe() : Promise.resolve(),
          this._pager.state.status === 'error'
            ? this._pager.retry()
            : Promise.resolve()
        ]);
      }
    });
  }

  /** Whether the panel is waiting for the catalog to answer again (recovery.ts). */
  get reconnecting(): boolean {
    return this._recovery.active;
  }

  /** The API client the model uses. */
  readonly client: SharedModelsClient;

  /** What other plugins add to the cards and the details view. */
  readonly extensions = new EntryExtensions();

  /** Emitted whenever any state of the model changes. */
  get stateChanged(): ISignal<this, void> {
    return this._stateChanged;
  }

  /** Emitted when the tab changes (by the user, a setting or a save). */
  get tabChanged(): ISignal<this, CatalogTab> {
    return this._tabChanged;
  }

  /** The signed-in catalog user. */
  get me(): Loadable<IMe> {
    return this._session.me;
  }

  /** The vocabularies (for filters and labels). */
  get options(): Loadable<IOptions> {
    return this._session.options;
  }

  /** Labels of vocabulary ids (ids until the vocabularies are loaded). */
  get vocabulary(): Vocabulary {
    return this._session.vocabulary;
  }

  /** The user's panel settings. */
  get settings(): Readonly<IPanelSettings> {
    return this._query.settings;
  }
  set settings(value: Readonly<IPanelSettings>) {
    if (this._query.setSettings(value)) {
      void this._reload();
    } else {
      this._emit();
    }
  }

  /** The query as the controls show it (search as typed). */
  get query(): Readonly<ICatalogQuery> {
    return this._query.query;
  }

  /** The loaded pages and their loading state. */
  get list(): IPagerState<IEntry> {
    return this._pager.state;
  }

  /** Whether the list has a next page that may be requested now. */
  get canLoadMore(): boolean {
    return this._pager.canLoadMore;
  }

  /** The id of the selected entry, if any. */
  get selectedId(): string | null {
    return this._selectedId;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Load what the panel shows, once: the user, the vocabularies and the
   * first page (after the settings, which choose the tab and sort).
   */
  async start(): Promise<void> {
    void this.ensureMe();
    void this.ensureOptions();
    if (this._started) {
      return;
    }
    this._started = true;
    await this._query.settingsReady;
    if (!this._isDisposed && this.list.status === 'idle') {
      await this._reload();
    }
  }

  /** Load the signed-in user unless it was already requested. */
  ensureMe(): Promise<void> {
    return this._session.ensureMe();
  }

  /** (Re)load the signed-in user; never rejects (errors land in `me`). */
  refreshMe(): Promise<void> {
    return this._session.refreshMe();
  }

  /** Load the vocabularies unless they were loaded (tried again after an error). */
  ensureOptions(): Promise<void> {
    return this._session.ensureOptions();
  }

  /** Whether the signed-in user owns `entry` (and so may change it). */
  isOwner(entry: Pick<IEntry, 'owner'>): boolean {
    return this._session.isOwner(entry);
  }

  /** A loaded entry by id. */
  findEntry(id: string): IEntry | undefined {
    return this.list.items.find(item => item.id === id);
  }

  /** Show another tab (the plugin remembers it when the settings say so). */
  setTab(tab: CatalogTab): void {
    void this._changeTab(tab);
  }

  /** Set the search text; the list reloads once typing pauses. */
  setSearch(text: string): void {
    this._query.setSearch(text, () => this.flushSearch());
    this._emit();
  }

  /** Search now for the text typed so far (e.g. on Enter). */
  flushSearch(): void {
    if (this._query.flushSearch()) {
      void this._reload();
    }
  }

  /** Whether the list shows a search (so the Sort control offers Best match). */
  get searching(): boolean {
    return this._query.searching;
  }

  setSort(sort: ListSort): void {
    if (this._query.setSort(sort)) {
      void this._reload();
    }
  }

  /** Set one facet filter (`undefined`, `''` or `false` clear it). */
  setFilter<K extends FilterKey>(
    key: K,
    value: IFilters[K] | '' | undefined
  ): void {
    const filters = withFilter(this.query.filters, key, value, dataType =>
      this.vocabulary.tasksOf(dataType)?.map(task => task.id)
    );
    this._setFilters(filters);
  }

  removeFilter(key: FilterKey): void {
    this.setFilter(key, undefined);
  }

  clearFilters(): void {
    this._setFilters({});
  }

  /** Clear the search and the filters (the empty state's way out). */
  resetQuery(): void {
    this._query.reset();
    void this._reload();
  }

  /** Load the list again from its first page, keeping the query. */
  refresh(): Promise<void> {
    return this._reload();
  }

  /** Load the next page, unless one is in flight or there is none. */
  loadMore(): Promise<void> {
    return this._pager.loadMore();
  }

  /** Try again what failed: the first page or the next one. */
  retry(): Promise<void> {
    return this._pager.retry();
  }

  select(id: string | null): void {
    if (id !== this._selectedId) {
      this._selectedId = id;
      this._emit();
    }
  }

  /** An entry was deleted: drop its card (the other pages stay). */
  entryDeleted(id: string): void {
    if (this._selectedId === id) {
      this._selectedId = null;
    }
    this._pager.remove(id);
  }

  /**
   * An entry was saved. A new one appears under Shared by me; a changed one
   * is shown at once, then the list reloads (its place in the order may move).
   */
  entrySaved(entry: IEntry, created: boolean): Promise<void> {
    this._selectedId = entry.id;
    if (created && this.query.tab !== 'mine') {
      return this._changeTab('mine');
    }
    this._pager.replace(entry);
    return this._reload();
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._session.cancel();
    this._recovery.dispose();
    this._query.dispose();
    this._pager.dispose();
    Signal.clearData(this);
  }

  private _setFilters(filters: IFilters): void {
    this._query.setFilters(filters);
    void this._reload();
  }

  private _reload(): Promise<void> {
    this._emit();
    if (!this._started || this._isDisposed) {
      return Promise.resolve();
    }
    const query = this._query.applied;
    const pageSize = this._query.settings.pageSize;
    return this._pager.reset((cursor, signal) => {
      const options = this.options;
      const rules = options.status === 'ready' ? options.value.rules : null;
      return this.client.listEntries(
        buildQuery(query, pageSize, cursor, rules),
        { signal }
      );
    });
  }

  private _changeTab(tab: CatalogTab): Promise<void> {
    if (!this._query.setTab(tab)) {
      return Promise.resolve();
    }
    this._tabChanged.emit(tab);
    return this._reload();
  }

  private _emit(): void {
    if (!this._isDisposed) {
      this._recovery?.check();
      this._stateChanged.emit();
    }
  }

  private _isDisposed = false;
  private _pager = new CursorPager<IEntry>({ keyOf: entry => entry.id });
  private _query: CatalogQueryState;
  private _recovery: CatalogRecovery;
  private _selectedId: string | null = null;
  private _session: CatalogSession;
  private _started = false;
  private _stateChanged = new Signal<this, void>(this);
  private _tabChanged = new Signal<this, CatalogTab>(this);
}

export namespace SharedModelsModel {
  export interface IOptions extends CatalogQueryState.IOptions {
    client: SharedModelsClient;
  }
}
