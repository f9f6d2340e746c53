import type { TranslationBundle } from '@jupyterlab/translation';
import {
  filterDotIcon,
  filterIcon,
  UseSignal
} from '@jupyterlab/ui-components';
import * as React from 'react';

import type { SharedModelsModel } from './model';
import { FilterChips } from './FilterChips';
import { FilterPanel } from './FilterPanel';
import { filterChips } from './filters';
import { SearchBox } from './SearchBox';
import { SortSelect } from './SortSelect';
import { Tabs } from '../common/Tabs';
import { totalText } from '../common/pager';

/** Element ids of one panel's controls (unique per panel). */
export interface IControlIds {
  /** The list (`tabpanel`) the tabs control. */
  list: string;
  /** Prefix of the tab ids. */
  tabs: string;
  sort: string;
  filters: string;
}

export interface ICatalogControlsProps {
  model: SharedModelsModel;
  ids: IControlIds;
  /** BCP 47 locale for numbers. */
  locale?: string;
  trans: TranslationBundle;
}

/** Tabs, search, sort, Filter (with its popover and chips) and the count. */
export function CatalogControls(props: ICatalogControlsProps): JSX.Element {
  const { model } = props;
  return (
    <UseSignal signal={model.stateChanged} initialSender={model}>
      {() => <ControlsView {...props} />}
    </UseSignal>
  );
}

function ControlsView(props: ICatalogControlsProps): JSX.Element {
  const { model, ids, locale, trans } = props;
  const [filtersOpen, setFiltersOpen] = React.useState(false);
  const filterButton = React.useRef<HTMLButtonElement>(null);
  const { query, list } = model;
  const chips = filterChips(query.filters, model.vocabulary, trans);
  const options = model.options;

  const closeFilters = (restoreFocus: boolean): void => {
    setFiltersOpen(false);
    if (restoreFocus) {
      filterButton.current?.focus();
    }
  };

  return (
    <div className="sme-CatalogControls">
      <Tabs
        selected={query.tab}
        onSelect={tab => model.setTab(tab)}
        panelId={ids.list}
        idPrefix={ids.tabs}
        trans={trans}
      />
      <div className="sme-CatalogControls-row" role="search">
        <SearchBox
          value={query.search}
          onChange={text => model.setSearch(text)}
          onSubmit={() => model.flushSearch()}
          maxLength={
            options.status === 'ready'
              ? options.value.rules.search.max_length
              : undefined
          }
          trans={trans}
        />
        <button
          ref={filterButton}
          type="button"
          className={`sme-Button sme-FilterButton${
            chips.length > 0 ? ' sme-mod-active' : ''
          }`}
          aria-haspopup="dialog"
          aria-expanded={filtersOpen}
          aria-controls={ids.filters}
          onClick={() => {
            void model.ensureOptions();
            setFiltersOpen(!filtersOpen);
          }}
        >
          {chips.length > 0 ? (
            <filterDotIcon.react tag="span" aria-hidden="true" />
          ) : (
            <filterIcon.react tag="span" aria-hidden="true" />
          )}
          {trans.__('Filter')}
        </button>
      </div>
      <div className="sme-CatalogControls-row">
        <SortSelect
          id={ids.sort}
          value={query.sort}
          searching={model.searching}
          onChange={sort => model.setSort(sort)}
          trans={trans}
        />
      </div>
      {filtersOpen ? (
        <FilterPanel
          id={ids.filters}
          filters={query.filters}
          vocabulary={model.vocabulary}
          optionsError={
            options.status === 'error' ? options.error.message : null
          }
          onChange={(key, value) => model.setFilter(key, value)}
          onClear={() => model.clearFilters()}
          onClose={closeFilters}
          trans={trans}
        />
      ) : null}
      <FilterChips
        chips={chips}
        onRemove={key => model.removeFilter(key)}
        onClear={() => model.clearFilters()}
        trans={trans}
      />
      <p className="sme-CatalogControls-count" role="status">
        {list.status === 'ready' && list.total !== null
          ? trans._n(
              '%2 result',
              '%2 results',
              list.total,
              totalText(list, locale)
            )
          : ''}
      </p>
    </div>
  );
}
