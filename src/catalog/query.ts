/**
 * What the panel asks the server for: the catalog query of the current tab,
 * search, sort and filters, as `GET /entries` parameters. Pure functions only.
 */
import type { CatalogSort, CatalogTab } from '../common/settings';
import type {
  DataType,
  IEntryQuery,
  IRules,
  Kind,
  SortKey,
  SortOrder
} from '../api/types';

/** The facet filters of the Filter popover; an absent key is "any". */
export interface IFilters {
  kind?: Kind;
  data_type?: DataType;
  task?: string;
  framework?: string;
  /** Only entries shared with SageMaker Canvas users. */
  canvas?: boolean;
}

/** The name of one facet filter. */
export type FilterKey = keyof IFilters;

/** The facets, in the order the popover and the chips show them. */
export const FILTER_KEYS: ReadonlyArray<FilterKey> = [
  'kind',
  'data_type',
  'task',
  'framework',
  'canvas'
];

/**
 * The sort of the list: one of the settings' sorts, or Best match (the
 * server's `sort=relevance`), which ranks the results of a search and is
 * offered only while there is one.
 */
export type ListSort = CatalogSort | 'relevance';

/** Everything that decides which entries the list shows, and in what order. */
export interface ICatalogQuery {
  tab: CatalogTab;
  /** The search text as typed (trimmed and cut when sent). */
  search: string;
  sort: ListSort;
  filters: IFilters;
}

/** The API's sort key and order of a sort choice. */
export function sortParams(sort: ListSort): {
  sort: SortKey;
  order: SortOrder;
} {
  switch (sort) {
    case 'relevance':
      return { sort: 'relevance', order: 'desc' };
    case 'title-asc':
      return { sort: 'title', order: 'asc' };
    case 'title-desc':
      return { sort: 'title', order: 'desc' };
    default:
      return { sort: 'updated', order: 'desc' };
  }
}

/**
 * The search text the server gets: trimmed, and cut to the served maximum
 * (`rules.search.max_length`) when it is known.
 */
export function searchParam(
  search: string,
  maxLength?: number
): string | undefined {
  const trimmed = search.trim();
  const text =
    maxLength === undefined ? trimmed : trimmed.slice(0, maxLength).trim();
  return text === '' ? undefined : text;
}

/**
 * The `GET /entries` parameters of one page of `query`.
 *
 * @param cursor - the previous page's `next_cursor`; absent for the first page
 * @param rules - the served rules, once loaded: the page size and the search
 *   text are kept within their limits (`rules.page`, `rules.search`)
 */
export function buildQuery(
  query: ICatalogQuery,
  pageSize: number,
  cursor?: string | null,
  rules?: Pick<IRules, 'page' | 'search'> | null
): IEntryQuery {
  const params: IEntryQuery = {
    scope: query.tab,
    ...sortParams(query.sort),
    limit: rules ? Math.min(pageSize, rules.page.max_limit) : pageSize
  };
  const q = searchParam(query.search, rules?.search.max_length);
  if (q !== undefined) {
    params.q = q;
  }
  const { kind, data_type, task, framework, canvas } = query.filters;
  if (kind) {
    params.kind = kind;
  }
  if (data_type) {
    params.data_type = data_type;
  }
  if (task) {
    params.task = task;
  }
  if (framework) {
    params.framework = framework;
  }
  if (canvas) {
    params.canvas = true;
  }
  if (cursor) {
    params.cursor = cursor;
  }
  return params;
}

/** The filters that are set, in display order. */
export function activeFilterKeys(filters: IFilters): FilterKey[] {
  return FILTER_KEYS.filter(key =>
    key === 'canvas' ? filters.canvas === true : !!filters[key]
  );
}

/** Whether two filter sets select the same entries. */
export function sameFilters(a: IFilters, b: IFilters): boolean {
  return FILTER_KEYS.every(key =>
    key === 'canvas'
      ? !!a.canvas === !!b.canvas
      : (a[key] ?? '') === (b[key] ?? '')
  );
}

/**
 * `filters` with one facet changed (`undefined`, `''` or `false` clear it).
 *
 * The server rejects a task that does not belong to the data type, so
 * choosing a data type drops a task of another one; `tasksOf` lists the tasks
 * of a data type (when the vocabulary is not loaded yet, the task is kept).
 */
export function withFilter<K extends FilterKey>(
  filters: IFilters,
  key: K,
  value: IFilters[K] | '' | undefined,
  tasksOf?: (dataType: string) => ReadonlyArray<string> | undefined
): IFilters {
  const next: IFilters = { ...filters };
  if (value === undefined || value === '' || value === false) {
    delete next[key];
  } else {
    next[key] = value as IFilters[K];
  }
  if (key === 'data_type' && next.data_type && next.task) {
    const tasks = tasksOf?.(next.data_type);
    if (tasks && !tasks.includes(next.task)) {
      delete next.task;
    }
  }
  return next;
}
