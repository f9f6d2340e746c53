import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';

/** The catalog filter tabs, as `GET /entries?scope=` values. */
export type CatalogTab = 'mine' | 'shared-with-me' | 'organization';

/** The catalog sort orders. */
export type CatalogSort = 'updated' | 'title-asc' | 'title-desc';

/** The user settings of the panel; see `schema/plugin.json`. */
export interface IPanelSettings {
  /** Entries fetched per page, 10–200. */
  pageSize: number;
  /** The filter tab shown when the panel opens. */
  defaultTab: CatalogTab;
  /** The sort order shown when the panel opens. */
  defaultSort: CatalogSort;
  /** Whether selecting a tab makes it the default tab. */
  rememberTab: boolean;
}

/** The defaults; keep in step with `schema/plugin.json`. */
export const DEFAULT_SETTINGS: Readonly<IPanelSettings> = {
  pageSize: 50,
  defaultTab: 'organization',
  defaultSort: 'updated',
  rememberTab: true
};

export const TABS: ReadonlyArray<CatalogTab> = [
  'mine',
  'shared-with-me',
  'organization'
];
export const SORTS: ReadonlyArray<CatalogSort> = [
  'updated',
  'title-asc',
  'title-desc'
];

/**
 * Read the panel settings from a composite settings object.
 *
 * The registry validates against the schema, but a hand-edited or stale value
 * must never break the panel: anything out of range falls back to the default.
 */
export function readSettings(
  composite: ReadonlyPartialJSONObject | undefined
): IPanelSettings {
  const pageSize = composite?.pageSize;
  const defaultTab = composite?.defaultTab;
  const defaultSort = composite?.defaultSort;
  const rememberTab = composite?.rememberTab;
  return {
    pageSize:
      typeof pageSize === 'number' &&
      Number.isInteger(pageSize) &&
      pageSize >= 10 &&
      pageSize <= 200
        ? pageSize
        : DEFAULT_SETTINGS.pageSize,
    defaultTab: TABS.includes(defaultTab as CatalogTab)
      ? (defaultTab as CatalogTab)
      : DEFAULT_SETTINGS.defaultTab,
    defaultSort: SORTS.includes(defaultSort as CatalogSort)
      ? (defaultSort as CatalogSort)
      : DEFAULT_SETTINGS.defaultSort,
    rememberTab:
      typeof rememberTab === 'boolean'
        ? rememberTab
        : DEFAULT_SETTINGS.rememberTab
  };
}
