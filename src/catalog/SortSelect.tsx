import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { CatalogSort } from '../common/settings';
import { SORTS } from '../common/settings';

export interface ISortSelectProps {
  value: CatalogSort;
  onChange: (sort: CatalogSort) => void;
  /** The select's id (its label points at it). */
  id: string;
  trans: TranslationBundle;
}

/** The label of a sort choice. */
export function sortLabel(sort: CatalogSort, trans: TranslationBundle): string {
  switch (sort) {
    case 'title-asc':
      return trans.__('Title A–Z');
    case 'title-desc':
      return trans.__('Title Z–A');
    default:
      return trans.__('Last updated');
  }
}

/** "Sort by" with Last updated, Title A–Z, Title Z–A. */
export function SortSelect(props: ISortSelectProps): JSX.Element {
  const { value, onChange, id, trans } = props;
  return (
    <div className="sme-SortSelect">
      <label className="sme-SortSelect-label" htmlFor={id}>
        {trans.__('Sort by')}
      </label>
      <div className="jp-select-wrapper sme-SortSelect-wrapper">
        <select
          id={id}
          className="jp-mod-styled sme-SortSelect-select"
          value={value}
          onChange={event => onChange(event.currentTarget.value as CatalogSort)}
        >
          {SORTS.map(sort => (
            <option key={sort} value={sort}>
              {sortLabel(sort, trans)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
