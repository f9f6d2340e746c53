import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { RelativeTime } from '../../common/RelativeTime';
import { CursorPager } from '../../common/pager';
import type { LaunchClient } from '../../api/launches';
import { useSignal } from '../components/hooks';
import { StatusBadge } from '../components/StatusBadge';
import type { ITrainingJobSummary } from '../types';
import { ChoiceList } from './ChoiceList';

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
  const [pager] = React.useState(
    () => new CursorPager<ITrainingJobSummary>({ keyOf: job => job.name })
  );
  useSignal(pager.changed);

  React.useEffect(() => () => pager.dispose(), [pager]);

  React.useEffect(() => {
    const timer = setTimeout(() => setQuery(search), delay);
    return () => clearTimeout(timer);
  }, [search]);

  React.useEffect(() => {
    void pager.reset((cursor, signal) =>
      client.trainingJobs(
        { name_contains: query, limit: PAGE_SIZE, cursor },
        { signal }
      )
    );
  }, [query]);

  const list = pager.state;
  const loading = list.status === 'loading' || list.status === 'idle';
  // What the server says of the search text itself (it knows what a job
  // name may hold), shown on the field rather than over the list.
  const searchError =
    list.status === 'error' && list.error?.status === 400
      ? (list.error.details.find(detail => detail.loc.includes('name_contains'))
          ?.msg ?? list.error.message)
      : null;
  const valid = searchError === null;

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
            {searchError}
          </p>
        )}
      </div>
      <div className="sme-Picker-list" aria-busy={loading}>
        {loading ? (
          <p className="sme-Picker-note" role="status">
            <span className="sme-Spinner" aria-hidden="true" />
            {trans.__('Loading training jobs…')}
          </p>
        ) : !valid ? null : list.status === 'error' ? (
          <p className="sme-Field-error" role="alert">
            {list.error?.message}
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
      {list.status === 'ready' && list.moreError ? (
        <p className="sme-Field-error" role="alert">
          {list.moreError.message}
        </p>
      ) : null}
      {list.status === 'ready' && list.nextCursor ? (
        <button
          type="button"
          className="sme-Button sme-mod-small"
          disabled={list.loadingMore}
          onClick={() => void pager.loadMore()}
        >
          {list.loadingMore ? trans.__('Loading…') : trans.__('Load more')}
        </button>
      ) : null}
    </div>
  );
}
