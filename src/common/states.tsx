import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { ApiError } from '../api/request';
import type { CatalogTab } from './settings';

/** The first page is on its way. */
export function LoadingState(props: { trans: TranslationBundle }): JSX.Element {
  const { trans } = props;
  return (
    <div className="sme-State sme-mod-loading" role="status">
      <span className="sme-Spinner" aria-hidden="true" />
      {trans.__('Loading shared models…')}
    </div>
  );
}

/** A request failed: the server's message, and a way to try again. */
export function ErrorState(props: {
  title: string;
  error: ApiError;
  onRetry: () => void;
  trans: TranslationBundle;
  /** It is tried again by itself (catalog/recovery.ts): say so. */
  retrying?: boolean;
}): JSX.Element {
  const { title, error, onRetry, trans, retrying } = props;
  return (
    <div className="sme-State sme-mod-error" role="alert">
      <p className="sme-State-title">{title}</p>
      <p className="sme-State-message">{error.message}</p>
      {retrying && (
        <p className="sme-State-message" aria-live="polite">
          {trans.__('Trying again by itself…')}
        </p>
      )}
      <button type="button" className="sme-Button" onClick={onRetry}>
        {trans.__('Retry')}
      </button>
    </div>
  );
}

export interface IEmptyStateProps {
  tab: CatalogTab;
  /** A search or a filter narrows the list. */
  narrowed: boolean;
  onClear: () => void;
  trans: TranslationBundle;
}

/** Nothing to show: why, for this tab, and what to do about it. */
export function EmptyState(props: IEmptyStateProps): JSX.Element {
  const { tab, narrowed, onClear, trans } = props;
  if (narrowed) {
    return (
      <div className="sme-State sme-mod-empty">
        <p className="sme-State-title">
          {trans.__('No shared models match your search and filters.')}
        </p>
        <button type="button" className="sme-Button" onClick={onClear}>
          {trans.__('Show all entries')}
        </button>
      </div>
    );
  }
  switch (tab) {
    case 'mine':
      return (
        <div className="sme-State sme-mod-empty">
          <p className="sme-State-title">
            {trans.__('You have not shared any models or notebooks yet.')}
          </p>
          <p>
            {trans.__(
              'Use Add, at the top of this panel, to share a model or a notebook with your team.'
            )}
          </p>
        </div>
      );
    case 'shared-with-me':
      return (
        <div className="sme-State sme-mod-empty">
          <p className="sme-State-title">
            {trans.__('Nobody has shared a model or notebook with you yet.')}
          </p>
          <p>
            {trans.__(
              'Entries colleagues share with you by name will appear here.'
            )}
          </p>
        </div>
      );
    default:
      return (
        <div className="sme-State sme-mod-empty">
          <p className="sme-State-title">
            {trans.__('Nothing is shared with your organization yet.')}
          </p>
          <p>
            {trans.__(
              'Models and notebooks shared with everyone will appear here.'
            )}
          </p>
        </div>
      );
  }
}
