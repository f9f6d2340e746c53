import type { TranslationBundle } from '@jupyterlab/translation';
import {
  caretDownIcon,
  caretRightIcon,
  refreshIcon
} from '@jupyterlab/ui-components';
import * as React from 'react';

import { RelativeTime } from '../../common/RelativeTime';
import { hasLiveStatus, type LaunchesModel } from '../launchesModel';
import type { ILaunch } from '../types';
import { useSignal } from './hooks';
import { StatusBadge } from './StatusBadge';

export interface ILaunchesSectionProps {
  model: LaunchesModel;
  /** Open the view of a training job or endpoint. */
  onOpen: (launch: ILaunch) => void;
  /** Unique per panel. */
  idPrefix: string;
  locale?: string;
  trans: TranslationBundle;
}

/**
 * "My launches", at the bottom of the Shared models panel: a disclosure
 * button, then the training jobs and endpoints launched from Shared Models
 * with their live status; each name opens its view.
 */
export function LaunchesSection(props: ILaunchesSectionProps): JSX.Element {
  const { model, idPrefix, trans } = props;
  useSignal(model.changed);
  const state = model.state;
  const expanded = model.expanded;
  const bodyId = `${idPrefix}-body`;
  const headingId = `${idPrefix}-heading`;
  const Caret = expanded ? caretDownIcon : caretRightIcon;
  return (
    <section className="sme-Launches" aria-labelledby={headingId}>
      <div className="sme-Launches-header">
        <h3 id={headingId} className="sme-Launches-heading">
          <button
            type="button"
            className="sme-Launches-toggle"
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={() => {
              model.expanded = !expanded;
            }}
          >
            <Caret.react tag="span" className="sme-Launches-caret" />
            {trans.__('My launches')}
          </button>
        </h3>
        {expanded ? (
          <button
            type="button"
            className="sme-IconButton"
            aria-label={trans.__('Refresh my launches')}
            title={trans.__('Refresh my launches')}
            disabled={state.status === 'loading'}
            onClick={() => void model.refresh()}
          >
            <refreshIcon.react tag="span" />
          </button>
        ) : null}
      </div>
      {expanded ? (
        <div id={bodyId} className="sme-Launches-body">
          <LaunchesBody {...props} />
        </div>
      ) : null}
    </section>
  );
}

function LaunchesBody(props: ILaunchesSectionProps): JSX.Element {
  const { model, onOpen, locale, trans } = props;
  const state = model.state;
  if (state.status === 'loading' && state.items.length === 0) {
    return (
      <p className="sme-Launches-note" role="status">
        <span className="sme-Spinner" aria-hidden="true" />
        {trans.__('Loading your launches…')}
      </p>
    );
  }
  if (state.status === 'error' && state.items.length === 0) {
    return (
      <div className="sme-Launches-error" role="alert">
        <p>{state.error?.message}</p>
        <button
          type="button"
          className="sme-Button sme-mod-small"
          onClick={() => void model.refresh()}
        >
          {trans.__('Retry')}
        </button>
      </div>
    );
  }
  if (state.items.length === 0) {
    return (
      <p className="sme-Launches-note">
        {trans.__(
          'Nothing launched yet. Use Train, Run locally or Deploy on a model’s card.'
        )}
      </p>
    );
  }
  return (
    <>
      <ul className="sme-Launches-list" aria-label={trans.__('My launches')}>
        {state.items.map(launch => (
          <LaunchItem
            key={`${launch.kind}/${launch.name}/${launch.id}`}
            launch={launch}
            model={model}
            onOpen={onOpen}
            locale={locale}
            trans={trans}
          />
        ))}
      </ul>
      {state.error || state.moreError ? (
        <p className="sme-Launches-note sme-mod-error" role="alert">
          {(state.error ?? state.moreError)?.message}
        </p>
      ) : null}
      {state.nextCursor ? (
        <button
          type="button"
          className="sme-Button sme-mod-small sme-Launches-more"
          disabled={state.loadingMore}
          onClick={() => void model.loadMore()}
        >
          {state.loadingMore ? trans.__('Loading…') : trans.__('Load more')}
        </button>
      ) : null}
    </>
  );
}

function kindLabel(kind: ILaunch['kind'], trans: TranslationBundle): string {
  switch (kind) {
    case 'training-job':
      return trans.__('Training job');
    case 'local-run':
      return trans.__('Local run');
    case 'cr-algorithm':
      return trans.__('Clean Rooms ML algorithm');
    case 'cr-association':
      return trans.__('Clean Rooms ML association');
    case 'hub-content':
      return trans.__('Hub content');
    default:
      return trans.__('Endpoint');
  }
}

function LaunchItem(props: {
  launch: ILaunch;
  model: LaunchesModel;
  onOpen: (launch: ILaunch) => void;
  locale?: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { launch, model, onOpen, locale, trans } = props;
  const kind = kindLabel(launch.kind, trans);
  if (!hasLiveStatus(launch)) {
    return (
      <RegistrationItem
        launch={launch}
        kind={kind}
        locale={locale}
        trans={trans}
      />
    );
  }
  const poll = model.statusOf(launch);
  let status: JSX.Element;
  if (poll?.value) {
    status = <StatusBadge status={poll.value} trans={trans} />;
  } else if (poll?.error) {
    status = (
      <span
        className="sme-StatusBadge sme-mod-neutral"
        title={poll.error.message}
      >
        {trans.__('Unknown')}
      </span>
    );
  } else {
    status = <span className="sme-Muted">{trans.__('Checking…')}</span>;
  }
  return (
    <li className="sme-Launch" data-launch-kind={launch.kind}>
      <div className="sme-Launch-line">
        <span className={`sme-Badge sme-Launch-kind sme-mod-${launch.kind}`}>
          {kind}
        </span>
        <button
          type="button"
          className="sme-LinkButton sme-Launch-name"
          title={trans.__('Open %1', launch.name)}
          onClick={() => onOpen(launch)}
        >
          {launch.name}
        </button>
      </div>
      <div className="sme-Launch-line sme-Launch-meta">
        <span role="status" aria-label={trans.__('Status of %1', launch.name)}>
          {status}
        </span>
        <span className="sme-Launch-entry" title={launch.entry_id}>
          {launch.entry_title}
        </span>
        <RelativeTime value={launch.created_at} locale={locale} />
      </div>
    </li>
  );
}

/**
 * The AWS console page of a registration: the console of its service (Clean
 * Rooms, or SageMaker for hub content) in its region.
 */
export function consoleUrl(launch: ILaunch): string {
  const region = encodeURIComponent(launch.region || 'us-east-1');
  const service = launch.kind === 'hub-content' ? 'sagemaker' : 'cleanrooms';
  return `https://${region}.console.aws.amazon.com/${service}/home?region=${region}`;
}

/** A Clean Rooms ML registration: its ARN and a link to the AWS console. */
function RegistrationItem(props: {
  launch: ILaunch;
  kind: string;
  locale?: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { launch, kind, locale, trans } = props;
  return (
    <li className="sme-Launch" data-launch-kind={launch.kind}>
      <div className="sme-Launch-line">
        <span className={`sme-Badge sme-Launch-kind sme-mod-${launch.kind}`}>
          {kind}
        </span>
        <a
          className="sme-Launch-name sme-Launch-console"
          href={consoleUrl(launch)}
          target="_blank"
          rel="noopener noreferrer"
          title={trans.__('Open %1 in the AWS console', launch.name)}
        >
          {launch.name}
        </a>
      </div>
      <div className="sme-Launch-line">
        <code className="sme-Launch-arn" title={launch.arn}>
          {launch.arn}
        </code>
      </div>
      <div className="sme-Launch-line sme-Launch-meta">
        <span className="sme-Launch-entry" title={launch.entry_id}>
          {launch.entry_title}
        </span>
        <RelativeTime value={launch.created_at} locale={locale} />
      </div>
    </li>
  );
}
