import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { SORTS } from '../common/settings';
import type { ListSort } from './query';

export interface ISortSelectProps {
  value: ListSort;
  onChange: (sort: ListSort) => void;
  /** Whether the list shows a search: only then is Best match offered. */
  searching: boolean;
  /** The select's id (its label points at it). */
  id: string;
  trans: TranslationBundle;
}

/** The label of a sort choice. */
export function sortLabel(sort: ListSort, trans: TranslationBundle): string {
  switch (sort) {
    case 'relevance':
      return trans.__('Best match');
    case 'title-asc':
      return trans.__('Title A–Z');
    case 'title-desc':
      return trans.__('Title Z–A');
    default:
      return trans.__('Last updated');
  }
}

/** The sorts on offer: Best match first while there is a search. */
export function sortChoices(searching: boolean): ReadonlyArray<ListSort> {
  return searching ? ['relevance', ...SORTS] : SORTS;
}

/** "Sort by" with (Best match,) Last updated, Title A–Z, Title Z–A. */
export function SortSelect(props: ISortSelectProps): JSX.Element {
  const { value, onChange, searching, id, trans } = props;
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
          onChange={event => onChange(event.currentTarget.value as ListSort)}
        >
          {sortChoices(searching).map(sort => (
            <option key={sort} value={sort}>
              {sortLabel(sort, trans)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
