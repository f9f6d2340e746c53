import type { TranslationBundle } from '@jupyterlab/translation';
import { UseSignal } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { SharedModelsModel } from './model';
import { activeFilterKeys, searchParam } from './query';
import type { IEntry } from '../api/types';
import { CardAction, EntryCard } from './EntryCard';
import { EmptyState, ErrorState, LoadingState } from '../common/states';
import { totalText } from '../common/pager';

export interface IEntryListProps {
  model: SharedModelsModel;
  /** Run a card's action (the panel maps them to commands). */
  onAction: (action: CardAction, entry: IEntry) => void;
  /** The list's id (the tabs' `aria-controls`). */
  id: string;
  /** Prefix of the tab ids, for `aria-labelledby`. */
  tabIdPrefix: string;
  /** The scrolling element that holds the list (the sentinel's root). */
  scrollRoot: () => HTMLElement | null;
  locale?: string;
  trans: TranslationBundle;
}

/** Start loading the next page when the end is this close (px). */
const PRELOAD_MARGIN = 400;

/**
 * The cards of the loaded pages, with loading, empty and error states.
 *
 * The next page is requested when a sentinel after the last card scrolls
 * into view (IntersectionObserver), or with the "Load more" button; the model
 * never has two page requests in flight.
 */
export function EntryList(props: IEntryListProps): JSX.Element {
  const { model } = props;
  return (
    <UseSignal signal={model.stateChanged} initialSender={model}>
      {() => <ListView {...props} />}
    </UseSignal>
  );
}

function ListView(props: IEntryListProps): JSX.Element {
  const { model, onAction, id, tabIdPrefix, locale, trans } = props;
  const { list, query } = model;
  const onSelect = React.useCallback(
    (entry: IEntry) => model.select(entry.id),
    [model]
  );

  let body: JSX.Element;
  if (list.status === 'idle' || list.status === 'loading') {
    body = <LoadingState trans={trans} />;
  } else if (list.status === 'error') {
    body = (
      <ErrorState
        title={trans.__('Could not load shared models.')}
        error={list.error!}
        onRetry={() => void model.retry()}
        retrying={model.reconnecting}
        trans={trans}
      />
    );
  } else if (list.items.length === 0) {
    body = (
      <EmptyState
        tab={query.tab}
        narrowed={
          searchParam(query.search) !== undefined ||
          activeFilterKeys(query.filters).length > 0
        }
        onClear={() => model.resetQuery()}
        trans={trans}
      />
    );
  } else {
    body = (
      <>
        <ul className="sme-EntryList-items" aria-label={trans.__('Entries')}>
          {list.items.map(entry => (
            <li key={entry.id} className="sme-EntryList-item">
              <EntryCard
                entry={entry}
                isOwner={model.isOwner(entry)}
                selected={entry.id === model.selectedId}
                vocabulary={model.vocabulary}
                extensions={model.extensions.items}
                locale={locale}
                onAction={onAction}
                onSelect={onSelect}
                trans={trans}
              />
            </li>
          ))}
        </ul>
        <ListFooter {...props} />
      </>
    );
  }

  return (
    <div
      id={id}
      className="sme-EntryList"
      role="tabpanel"
      aria-labelledby={`${tabIdPrefix}-${query.tab}`}
      aria-busy={list.status === 'loading' || list.loadingMore}
    >
      {body}
    </div>
  );
}

/** The end of the loaded pages: the sentinel, "Load more", or "the end". */
function ListFooter(props: IEntryListProps): JSX.Element | null {
  const { model, scrollRoot, locale, trans } = props;
  const { list } = model;
  const sentinel = React.useRef<HTMLDivElement>(null);
  const hasMore = list.nextCursor !== null;

  // Re-observe after every page: a new observation reports at once whether
  // the end is still in view (a tall window may need another page).
  React.useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || typeof IntersectionObserver === 'undefined') {
      return;
    }
    const observer = new IntersectionObserver(
      entries => {
        if (entries.some(entry => entry.isIntersecting) && model.canLoadMore) {
          void model.loadMore();
        }
      },
      { root: scrollRoot(), rootMargin: `0px 0px ${PRELOAD_MARGIN}px 0px` }
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [model, hasMore, list.items.length, list.loadingMore]);

  const shown = list.items.length.toLocaleString(locale);
  const total = totalText(list, locale) ?? shown;

  return (
    <div className="sme-EntryList-footer">
      {list.moreError ? (
        <ErrorState
          title={trans.__('Could not load more shared models.')}
          error={list.moreError}
          onRetry={() => void model.retry()}
          trans={trans}
        />
      ) : null}
      {hasMore ? (
        <>
          <div ref={sentinel} className="sme-EntryList-sentinel" />
          <p className="sme-EntryList-progress">
            {trans.__('Showing %1 of %2', shown, total)}
          </p>
          {list.moreError ? null : (
            <button
              type="button"
              className="sme-Button"
              disabled={list.loadingMore}
              onClick={() => void model.loadMore()}
            >
              {list.loadingMore ? trans.__('Loading…') : trans.__('Load more')}
            </button>
          )}
        </>
      ) : (
        <p className="sme-EntryList-end">
          {trans._n('%2 entry', 'All %2 entries', list.items.length, shown)}
        </p>
      )}
    </div>
  );
}
