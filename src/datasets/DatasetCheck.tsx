import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { asApiError } from '../common/errors';
import type { IDatasetCheck } from '../api/types';

/** Where a dataset check is. */
export type DatasetCheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; result: IDatasetCheck }
  | { status: 'failed'; message: string };

/** How a finished check reads: they match, they differ, or they cannot be compared. */
export type DatasetVerdict = 'match' | 'mismatch' | 'unchecked';

/**
 * `match` when the headers agree; `unchecked` when a header could not be
 * read (no CSV data, not text, empty): the server then names the dataset it
 * could not read; `mismatch` otherwise.
 */
export function datasetVerdict(result: IDatasetCheck): DatasetVerdict {
  if (result.ok) {
    return 'match';
  }
  if (
    result.training_columns.length === 0 ||
    result.validation_columns.length === 0
  ) {
    return 'unchecked';
  }
  return 'mismatch';
}

/**
 * Run a dataset check on demand; the newest run wins (an answer to an older
 * run is dropped, and that run's request aborted).
 */
export function useDatasetCheck(
  check: (signal: AbortSignal) => Promise<IDatasetCheck>
): {
  state: DatasetCheckState;
  run: () => Promise<void>;
  reset: () => void;
} {
  const [state, setState] = React.useState<DatasetCheckState>({
    status: 'idle'
  });
  const ticket = React.useRef(0);
  const controller = React.useRef<AbortController | null>(null);
  const latest = React.useRef(check);
  latest.current = check;

  const reset = React.useCallback(() => {
    ticket.current++;
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'idle' });
  }, []);

  React.useEffect(
    () => () => {
      ticket.current++;
      controller.current?.abort();
    },
    []
  );

  const run = React.useCallback(async () => {
    const mine = ++ticket.current;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: 'checking' });
    let next: DatasetCheckState;
    try {
      next = { status: 'done', result: await latest.current(abort.signal) };
    } catch (reason) {
      next = { status: 'failed', message: asApiError(reason).message };
    }
    if (mine === ticket.current) {
      controller.current = null;
      setState(next);
    }
  }, []);

  return { state, run, reset };
}

/**
 * What a dataset check found, as a live region: the columns when they
 * match, the differences (a warning, never a block), or why the data could
 * not be compared.
 */
export function DatasetCheckResult(props: {
  state: DatasetCheckState;
  trans: TranslationBundle;
  /** Said after a mismatch (the wizard: "you can still save"). */
  mismatchNote?: string;
}): JSX.Element {
  const { state, trans, mismatchNote } = props;
  let tone = 'idle';
  let content: React.ReactNode = null;
  if (state.status === 'checking') {
    tone = 'checking';
    content = <p>{trans.__('Checking the datasets…')}</p>;
  } else if (state.status === 'failed') {
    tone = 'unchecked';
    content = (
      <p>{trans.__('Could not check the datasets: %1', state.message)}</p>
    );
  } else if (state.status === 'done') {
    const { result } = state;
    const verdict = datasetVerdict(result);
    tone = verdict;
    if (verdict === 'match') {
      content = (
        <p className="sme-DatasetCheck-title">
          {trans._n(
            'The datasets match: %1 column (%2).',
            'The datasets match: %1 columns (%2).',
            result.training_columns.length,
            result.training_columns.join(', ')
          )}
        </p>
      );
    } else {
      content = (
        <>
          <p className="sme-DatasetCheck-title">
            {verdict === 'mismatch'
              ? trans.__(
                  'The validation dataset does not match the training dataset.'
                )
              : trans.__('The datasets could not be compared.')}
          </p>
          <ul className="sme-DatasetCheck-problems">
            {result.problems.map(problem => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          {verdict === 'mismatch' ? (
            <dl className="sme-DatasetCheck-columns">
              <dt>{trans.__('Training columns')}</dt>
              <dd>{result.training_columns.join(', ')}</dd>
              <dt>{trans.__('Validation columns')}</dt>
              <dd>{result.validation_columns.join(', ')}</dd>
            </dl>
          ) : null}
          {verdict === 'mismatch' && mismatchNote ? (
            <p className="sme-DatasetCheck-note">{mismatchNote}</p>
          ) : null}
        </>
      );
    }
  }
  return (
    <div className={`sme-DatasetCheck sme-mod-${tone}`} role="status">
      {content}
    </div>
  );
}
