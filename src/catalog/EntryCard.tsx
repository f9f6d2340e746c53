import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { Vocabulary } from '../common/labels';
import type { IEntry } from '../api/types';
import type { IEntryBadgesProps, IEntryExtension } from '../tokens';
import { entryActions } from './entryExtensions';
import { kindLabel } from './filters';
import { RelativeTime } from '../common/RelativeTime';

/**
 * What a card's buttons do: everyone gets `details` (and `open` for a
 * notebook, `train` and `run-locally` for a model with training enabled,
 * `deploy` for one with deployment enabled); owners also `edit`, `share` and `delete`.
 */
export type CardAction =
  | 'details'
  | 'open'
  | 'train'
  | 'run-locally'
  | 'deploy'
  | 'edit'
  | 'share'
  | 'delete';

export interface IEntryCardProps {
  entry: IEntry;
  /** The viewer owns the entry: Edit, Share… and Delete are offered. */
  isOwner: boolean;
  selected: boolean;
  vocabulary: Vocabulary;
  /** What other plugins add: buttons after Deploy, badges under the entry's own. */
  extensions?: ReadonlyArray<IEntryExtension>;
  locale?: string;
  onAction: (action: CardAction, entry: IEntry) => void;
  onSelect: (entry: IEntry) => void;
  trans: TranslationBundle;
}

/**
 * One catalog entry: what it is, who shares it, when it changed, what is
 * enabled, and the actions the viewer may use. A focusable `article`: Enter
 * opens the details, arrow keys move to the neighbouring cards.
 */
export const EntryCard = React.memo(function EntryCard(
  props: IEntryCardProps
): JSX.Element {
  const { entry, isOwner, selected, vocabulary, locale, trans } = props;
  const { onAction, onSelect } = props;
  const extensions = props.extensions ?? NO_EXTENSIONS;
  const titleId = `sme-card-${entry.id}-title`;
  const meta = [
    vocabulary.dataType(entry.data_type),
    vocabulary.task(entry.task),
    vocabulary.framework(entry.framework)
  ];

  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>): void => {
    if (event.target !== event.currentTarget) {
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      onAction('details', entry);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      Private.focusSibling(event.currentTarget, event.key === 'ArrowDown');
    }
  };

  return (
    <article
      className={`sme-EntryCard${selected ? ' sme-mod-selected' : ''}`}
      aria-labelledby={titleId}
      data-entry-id={entry.id}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={event => {
        if (event.target === event.currentTarget) {
          onSelect(entry);
        }
      }}
      onClick={() => onSelect(entry)}
      onDoubleClick={() => onAction('details', entry)}
    >
      <div className="sme-EntryCard-header">
        <h3 id={titleId} className="sme-EntryCard-title">
          {entry.title}
        </h3>
        <span
          className={`sme-Badge sme-EntryCard-kind sme-mod-${entry.kind}`}
          title={trans.__('Kind')}
        >
          {kindLabel(entry.kind, trans)}
        </span>
      </div>
      <p className="sme-EntryCard-meta">
        {meta.map((text, index) => (
          <span key={index} className="sme-EntryCard-metaItem">
            {text}
          </span>
        ))}
      </p>
      {entry.keywords.length > 0 ? (
        <ul
          className="sme-EntryCard-keywords"
          aria-label={trans.__('Keywords')}
        >
          {entry.keywords.map(keyword => (
            <li key={keyword} className="sme-Keyword">
              {keyword}
            </li>
          ))}
        </ul>
      ) : null}
      <EntryBadges entry={entry} trans={trans} />
      <ExtensionBadges
        extensions={extensions}
        entry={entry}
        isOwner={isOwner}
        place="card"
        trans={trans}
      />
      <p className="sme-EntryCard-byline">
        <span className="sme-EntryCard-owner">
          {isOwner ? trans.__('By you') : trans.__('By %1', entry.owner)}
        </span>
        <span aria-hidden="true"> · </span>
        <RelativeTime
          value={entry.updated_at}
          locale={locale}
          format={relative => trans.__('Updated %1', relative)}
        />
      </p>
      <div className="sme-EntryCard-actions">
        <CardButton
          label={trans.__('Details')}
          describedBy={titleId}
          onClick={() => onAction('details', entry)}
        />
        {entry.kind === 'notebook' ? (
          <CardButton
            label={trans.__('Open')}
            describedBy={titleId}
            primary
            title={trans.__(
              'Copy this notebook into your workspace and open it'
            )}
            onClick={() => onAction('open', entry)}
          />
        ) : null}
        {entry.training ? (
          <CardButton
            label={trans.__('Train')}
            describedBy={titleId}
            title={trans.__('Start a SageMaker training job from this model')}
            onClick={() => onAction('train', entry)}
          />
        ) : null}
        {entry.training ? (
          <CardButton
            label={trans.__('Run locally')}
            describedBy={titleId}
            title={trans.__(
              'Run the training script on this machine, in the SageMaker training-container contract'
            )}
            onClick={() => onAction('run-locally', entry)}
          />
        ) : null}
        {entry.inference ? (
          <CardButton
            label={trans.__('Deploy')}
            describedBy={titleId}
            title={trans.__('Deploy this model to a SageMaker endpoint')}
            onClick={() => onAction('deploy', entry)}
          />
        ) : null}
        {entryActions(extensions, entry, isOwner).map(action => (
          <CardButton
            key={action.id}
            label={action.label}
            describedBy={titleId}
            title={action.title}
            onClick={action.execute}
          />
        ))}
        {isOwner ? (
          <>
            <CardButton
              label={trans.__('Edit')}
              describedBy={titleId}
              onClick={() => onAction('edit', entry)}
            />
            <CardButton
              label={trans.__('Share…')}
              describedBy={titleId}
              onClick={() => onAction('share', entry)}
            />
            <CardButton
              label={trans.__('Delete')}
              describedBy={titleId}
              warn
              onClick={() => onAction('delete', entry)}
            />
          </>
        ) : null}
      </div>
    </article>
  );
});

const NO_EXTENSIONS: ReadonlyArray<IEntryExtension> = [];

/** The badges other plugins add (e.g. where the entry is published). */
export function ExtensionBadges(
  props: IEntryBadgesProps & { extensions: ReadonlyArray<IEntryExtension> }
): JSX.Element {
  const { extensions, ...badgeProps } = props;
  return (
    <>
      {extensions.map((extension, index) =>
        extension.Badges ? (
          <extension.Badges key={index} {...badgeProps} />
        ) : null
      )}
    </>
  );
}

/** Training, Deployment and Canvas badges, for what the entry enables. */
export function EntryBadges(props: {
  entry: IEntry;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { entry, trans } = props;
  const canvas = entry.share.canvas_users.length;
  if (!entry.training && !entry.inference && canvas === 0) {
    return null;
  }
  return (
    <ul className="sme-EntryCard-badges" aria-label={trans.__('Enabled')}>
      {entry.training ? (
        <li
          className="sme-Badge sme-mod-training"
          title={trans.__('Training is enabled')}
        >
          {trans.__('Training')}
        </li>
      ) : null}
      {entry.inference ? (
        <li
          className="sme-Badge sme-mod-deployment"
          title={trans.__('Deployment is enabled')}
        >
          {trans.__('Deployment')}
        </li>
      ) : null}
      {canvas > 0 ? (
        <li
          className="sme-Badge sme-mod-canvas"
          title={trans._n(
            'Shared with %1 Canvas user',
            'Shared with %1 Canvas users',
            canvas
          )}
        >
          {trans.__('Canvas')}
        </li>
      ) : null}
    </ul>
  );
}

function CardButton(props: {
  label: string;
  describedBy: string;
  warn?: boolean;
  primary?: boolean;
  title?: string;
  onClick: () => void;
}): JSX.Element {
  const { label, describedBy, warn, primary, title, onClick } = props;
  return (
    <button
      type="button"
      className={`sme-Button sme-mod-small${warn ? ' sme-mod-warn' : ''}${
        primary ? ' sme-mod-primary' : ''
      }`}
      title={title}
      aria-describedby={describedBy}
      onClick={event => {
        event.stopPropagation();
        onClick();
      }}
    >
      {label}
    </button>
  );
}

namespace Private {
  /** Focus the next (or previous) card of the list, if there is one. */
  export function focusSibling(card: HTMLElement, next: boolean): void {
    const item = card.closest('li');
    const sibling = next
      ? item?.nextElementSibling
      : item?.previousElementSibling;
    sibling?.querySelector<HTMLElement>('.sme-EntryCard')?.focus();
  }
}
