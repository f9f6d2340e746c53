import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { RelativeTime } from '../../common/RelativeTime';
import { asApiError } from '../../common/errors';
import type { LaunchClient } from '../../api/launches';
import { StatusBadge } from '../components/StatusBadge';
import type { ITrainingJobSummary } from '../types';
import { ChoiceList } from './ChoiceList';

/** What `name_contains` accepts (the server's rule). */
const SEARCHABLE = /^[a-zA-Z0-9-]*$/;
const PAGE_SIZE = 20;
const SEARCH_DELAY = 300;

export interface ITrainingJobPickerProps {
  client: LaunchClient;
  onValue: (uri: string | null) => void;
  onPick: (uri: string) => void;
  idPrefix: string;
  locale?: string;
  trans: TranslationBundle;
  /** Wait this long after typing before searching (ms). */
  searchDelay?: number;
}

interface IListState {
  status: 'loading' | 'ready' | 'error';
  items: ITrainingJobSummary[];
  next: string | null;
  error: string;
  more: boolean;
}

/**
 * The account's recent training jobs, newest first, searchable by name; each
 * shows the image it ran. Jobs of SageMaker's built-in algorithms have no
 * image to reuse and cannot be chosen.
 */
export function TrainingJobPicker(props: ITrainingJobPickerProps): JSX.Element {
  const { client, onValue, onPick, idPrefix, locale, trans } = props;
  const delay = props.searchDelay ?? SEARCH_DELAY;
  const [search, setSearch] = React.useState('');
  const [query, setQuery] = React.useState('');
  const [selected, setSelected] = React.useState<string | null>(null);
  const [list, setList] = React.useState<IListState>({
    status: 'loading',
    items: [],
    next: null,
    error: '',
    more: false
  });
  const valid = SEARCHABLE.test(search);

  React.useEffect(() => {
    if (!valid) {
      return;
    }
    const timer = setTimeout(() => setQuery(search), delay);
    return () => clearTimeout(timer);
  }, [search]);

  React.useEffect(() => {
    const abort = new AbortController();
    setList(state => ({ ...state, status: 'loading', error: '' }));
    client
      .trainingJobs(
        { name_contains: query, limit: PAGE_SIZE },
        { signal: abort.signal }
      )
      .then(page => {
        if (!abort.signal.aborted) {
          setList({
            status: 'ready',
            items: page.items,
            next: page.next_cursor,
            error: '',
            more: false
          });
        }
      })
      .catch(reason => {
        if (!abort.signal.aborted) {
          setList(state => ({
            ...state,
            status: 'error',
            items: [],
            error: asApiError(reason).message
          }));
        }
      });
    return () => abort.abort();
  }, [query]);

  const loadMore = (): void => {
    if (!list.next) {
      return;
    }
    setList(state => ({ ...state, more: true }));
    client
      .trainingJobs({
        name_contains: query,
        limit: PAGE_SIZE,
        cursor: list.next
      })
      .then(page =>
        setList(state => ({
          ...state,
          items: [...state.items, ...page.items],
          next: page.next_cursor,
          more: false
        }))
      )
      .catch(reason =>
        setList(state => ({
          ...state,
          more: false,
          error: asApiError(reason).message
        }))
      );
  };

  const select = (job: ITrainingJobSummary): void => {
    setSelected(job.name);
    onValue(job.image);
  };

  return (
    <div className="sme-Picker">
      <div className="sme-Field">
        <label className="sme-Field-label" htmlFor={`${idPrefix}-search`}>
          {trans.__('Search training jobs by name')}
        </label>
        <input
          id={`${idPrefix}-search`}
          type="search"
          className="sme-Input"
          value={search}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={valid ? undefined : true}
          aria-describedby={valid ? undefined : `${idPrefix}-search-error`}
          onChange={event => setSearch(event.target.value)}
        />
        {valid ? null : (
          <p id={`${idPrefix}-search-error`} className="sme-Field-error">
            {trans.__('Job names have only letters, digits and hyphens.')}
          </p>
        )}
      </div>
      <div className="sme-Picker-list" aria-busy={list.status === 'loading'}>
        {list.status === 'loading' ? (
          <p className="sme-Picker-note" role="status">
            <span className="sme-Spinner" aria-hidden="true" />
            {trans.__('Loading training jobs…')}
          </p>
        ) : list.status === 'error' ? (
          <p className="sme-Field-error" role="alert">
            {list.error}
          </p>
        ) : list.items.length === 0 ? (
          <p className="sme-Picker-note" role="status">
            {query
              ? trans.__('No training job names contain “%1”.', query)
              : trans.__('No training jobs in this account and region.')}
          </p>
        ) : (
          <ChoiceList
            label={trans.__('Training jobs')}
            name={`${idPrefix}-job`}
            items={list.items}
            keyOf={job => job.name}
            disabled={job => !job.image}
            selected={selected}
            onSelect={select}
            onPick={job => job.image && onPick(job.image)}
            render={job => (
              <>
                <span className="sme-Picker-itemTitle">
                  <span className="sme-Picker-name">{job.name}</span>
                  <StatusBadge status={job.status} trans={trans} />
                  {job.created_at ? (
                    <RelativeTime value={job.created_at} locale={locale} />
                  ) : null}
                </span>
                <code className="sme-Picker-uri">
                  {job.image ??
                    trans.__('A SageMaker built-in algorithm (no image)')}
                </code>
              </>
            )}
          />
        )}
      </div>
      {list.status === 'ready' && list.error ? (
        <p className="sme-Field-error" role="alert">
          {list.error}
        </p>
      ) : null}
      {list.status === 'ready' && list.next ? (
        <button
          type="button"
          className="sme-Button sme-mod-small"
          disabled={list.more}
          onClick={loadMore}
        >
          {list.more ? trans.__('Loading…') : trans.__('Load more')}
        </button>
      ) : null}
    </div>
  );
}
