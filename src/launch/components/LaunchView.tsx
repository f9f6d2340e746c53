import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { IPollState } from '../../common/statusPoll';
import { StatusBadge } from './StatusBadge';

/** When something happened, in the user's locale ('' when unknown). */
export function when(value: string | null, locale?: string): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium'
  }).format(date);
}

export interface ILaunchViewFrameProps<T> {
  /** "Training job" or "Endpoint". */
  kind: string;
  name: string;
  state: IPollState<T>;
  /** The status of the value (null until loaded). */
  status: string | null;
  /** More detail after the status (the secondary status). */
  detail?: string | null;
  /** Buttons after Refresh (Stop). */
  actions?: React.ReactNode;
  onRefresh: () => void;
  locale?: string;
  trans: TranslationBundle;
  children?: React.ReactNode;
}

/**
 * The frame of a training job or endpoint view: the name, the live status
 * (one `role="status"` region), when it was last checked, Refresh and the
 * view's own actions; then the view's sections.
 */
export function LaunchViewFrame<T>(
  props: ILaunchViewFrameProps<T>
): JSX.Element {
  const { kind, name, state, status, detail, actions, onRefresh } = props;
  const { locale, trans } = props;
  const checked = state.checkedAt
    ? new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(
        state.checkedAt
      )
    : '';
  let polling: string;
  if (state.loading) {
    polling = trans.__('Checking…');
  } else if (state.stopped) {
    polling = checked ? trans.__('Checked at %1', checked) : '';
  } else {
    polling = checked
      ? trans.__('Checked at %1 · updates automatically', checked)
      : '';
  }
  return (
    <div className="sme-LaunchView">
      <header className="sme-LaunchView-header">
        <p className="sme-LaunchView-kind">{kind}</p>
        <div className="sme-LaunchView-heading">
          <h1 className="sme-LaunchView-title">{name}</h1>
          <div className="sme-LaunchView-actions">
            <button
              type="button"
              className="sme-Button"
              onClick={onRefresh}
              disabled={state.loading}
            >
              {trans.__('Refresh')}
            </button>
            {actions}
          </div>
        </div>
        <p className="sme-LaunchView-status" role="status">
          {status ? (
            <>
              <span className="sme-VisuallyHidden">{trans.__('Status:')} </span>
              <StatusBadge status={status} trans={trans} />
              {detail ? (
                <span className="sme-LaunchView-detail">{detail}</span>
              ) : null}
            </>
          ) : state.error ? null : (
            <>
              <span className="sme-Spinner" aria-hidden="true" />
              {trans.__('Loading…')}
            </>
          )}
        </p>
        <p className="sme-LaunchView-checked">{polling}</p>
      </header>
      {state.error ? (
        <div className="sme-LaunchView-error" role="alert">
          <p className="sme-LaunchView-errorTitle">
            {state.value
              ? trans.__('Could not refresh the status')
              : trans.__('Could not load %1', name)}
          </p>
          <p>{state.error.message}</p>
          {state.stopped ? null : (
            <p className="sme-Muted">{trans.__('Trying again shortly.')}</p>
          )}
        </div>
      ) : null}
      {props.children}
    </div>
  );
}
