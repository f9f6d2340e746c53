/**
 * The catalog query as the panel's controls hold it (tab, search as typed,
 * sort, filters), the search the list was last loaded with, and the panel
 * settings that choose the query's defaults and the page size. Each change
 * says whether the list must load again; SharedModelsModel (model.ts)
 * reloads it.
 *
 * The sort follows the search: while the list shows a search, it is Best
 * match unless the user chose another sort during that search; once the
 * search is cleared, the sort chosen without one comes back (and the next
 * search starts on Best match again).
 */
import { PromiseDelegate } from '@lumino/coreutils';

import {
  CatalogSort,
  CatalogTab,
  DEFAULT_SETTINGS,
  IPanelSettings
} from '../common/settings';
import { ICatalogQuery, IFilters, ListSort, searchParam } from './query';

export class CatalogQueryState {
  constructor(options: CatalogQueryState.IOptions) {
    this._settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this._sort = this._settings.defaultSort;
    this._query = {
      tab: this._settings.defaultTab,
      search: '',
      filters: {}
    };
    this._searchDelay = options.searchDelay ?? 300;
    if (!options.waitForSettings) {
      this._settingsReady.resolve();
    }
  }

  /** Resolves once there are settings (at once unless told to wait). */
  get settingsReady(): Promise<void> {
    return this._settingsReady.promise;
  }

  /** The user's panel settings. */
  get settings(): Readonly<IPanelSettings> {
    return this._settings;
  }

  /**
   * The query as the controls show it: the search as typed, the sort of the
   * list (which follows the search as last applied, like the list).
   */
  get query(): Readonly<ICatalogQuery> {
    return { ...this._query, sort: this.sort };
  }

  /** The query the list loads: the search as last applied. */
  get applied(): ICatalogQuery {
    return {
      ...this._query,
      sort: this.sort,
      search: this._appliedSearch
    };
  }

  /** The sort of the list, given the search it shows. */
  get sort(): ListSort {
    return this.searching ? (this._searchSort ?? 'relevance') : this._sort;
  }

  /** Whether the list shows a search (so Best match is on offer). */
  get searching(): boolean {
    return searchParam(this._appliedSearch) !== undefined;
  }

  /** Take new settings; true when the list must load again. */
  setSettings(value: Readonly<IPanelSettings>): boolean {
    const old = this._settings;
    const first = !this._settingsApplied;
    this._settings = { ...value };
    this._settingsApplied = true;
    // The first settings decide where the panel opens; later changes of the
    // defaults move the panel there too.
    const query = this._query;
    const sortBefore = this.sort;
    const tab = first || value.defaultTab !== old.defaultTab;
    if (first || value.defaultSort !== old.defaultSort) {
      this._sort = value.defaultSort;
    }
    this._query = {
      ...query,
      tab: tab ? value.defaultTab : query.tab
    };
    const reload =
      this._query.tab !== query.tab ||
      this.sort !== sortBefore ||
      value.pageSize !== old.pageSize;
    this._settingsReady.resolve();
    return reload;
  }

  /**
   * Set the search text; unless the server would get the same search,
   * `flush` is called once typing pauses.
   */
  setSearch(text: string, flush: () => void): void {
    this._query = { ...this._query, search: text };
    this._clearSearchTimer();
    if (searchParam(text) === searchParam(this._appliedSearch)) {
      this._appliedSearch = text;
      return;
    }
    this._searchTimer = setTimeout(flush, this._searchDelay);
  }

  /** Apply the search text typed so far; true when the list must load again. */
  flushSearch(): boolean {
    this._clearSearchTimer();
    const changed =
      searchParam(this._query.search) !== searchParam(this._appliedSearch);
    this._appliedSearch = this._query.search;
    if (!this.searching) {
      this._searchSort = null;
    }
    return changed;
  }

  /** Show another tab; false when it is shown already. */
  setTab(tab: CatalogTab): boolean {
    if (tab === this._query.tab) {
      return false;
    }
    this._query = { ...this._query, tab };
    return true;
  }

  /**
   * Sort otherwise (for the search shown, or for lists without one); false
   * when the list is sorted so already, or for Best match without a search.
   */
  setSort(sort: ListSort): boolean {
    if (sort === this.sort) {
      return false;
    }
    if (this.searching) {
      this._searchSort = sort;
    } else if (sort === 'relevance') {
      return false;
    } else {
      this._sort = sort;
    }
    return true;
  }

  setFilters(filters: IFilters): void {
    this._query = { ...this._query, filters };
  }

  /** Clear the search and the filters. */
  reset(): void {
    this._clearSearchTimer();
    this._appliedSearch = '';
    this._searchSort = null;
    this._query = { ...this._query, search: '', filters: {} };
  }

  /** Drop a search still waiting for typing to pause. */
  dispose(): void {
    this._clearSearchTimer();
  }

  private _clearSearchTimer(): void {
    if (this._searchTimer !== null) {
      clearTimeout(this._searchTimer);
      this._searchTimer = null;
    }
  }

  private _appliedSearch = '';
  private _query: Omit<ICatalogQuery, 'sort'>;
  /** The sort without a search (the settings' default until the user picks). */
  private _sort: CatalogSort;
  /** The sort the user chose during the current search, if any. */
  private _searchSort: ListSort | null = null;
  private _searchDelay: number;
  private _searchTimer: ReturnType<typeof setTimeout> | null = null;
  private _settings: IPanelSettings;
  private _settingsApplied = false;
  private _settingsReady = new PromiseDelegate<void>();
}

export namespace CatalogQueryState {
  export interface IOptions {
    settings?: Partial<IPanelSettings>;
    /**
     * Hold the first page until `settings` is first set (the plugin sets it
     * from the settings registry, which chooses the tab and sort).
     */
    waitForSettings?: boolean;
    /** How long typing must pause before the list reloads (ms; 300). */
    searchDelay?: number;
  }
}
