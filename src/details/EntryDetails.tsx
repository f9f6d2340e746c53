import type { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { Vocabulary } from '../common/labels';
import type { IDatasetCheck, IEntry } from '../api/types';
import type { CardAction } from '../catalog/EntryCard';
import { EntryBadges, ExtensionBadges } from '../catalog/EntryCard';
import { entryActions } from '../catalog/entryExtensions';
import type { IEntryExtension } from '../tokens';
import { kindLabel } from '../catalog/filters';
import { RelativeTime } from '../common/RelativeTime';
import { absoluteTime } from '../common/time';
import { DatasetCheckSection } from './DatasetCheckSection';
import { Code, Fields } from './Fields';
import { MarkdownView } from './MarkdownView';
import { InferenceSection, TrainingSection } from './TrainingSection';

export interface IEntryDetailsProps {
  entry: IEntry;
  isOwner: boolean;
  vocabulary: Vocabulary;
  /** What other plugins add: buttons after Deploy, badges under the entry's own. */
  extensions?: ReadonlyArray<IEntryExtension>;
  rendermime: IRenderMimeRegistry | null;
  onAction: (action: Exclude<CardAction, 'details'>) => void;
  onRefresh: () => void;
  /** Compare the entry's training and validation CSV headers (models). */
  checkDatasets?: (signal: AbortSignal) => Promise<IDatasetCheck>;
  locale?: string;
  trans: TranslationBundle;
}

/** Every field of an entry; the description as sanitized Markdown. */
export function EntryDetails(props: IEntryDetailsProps): JSX.Element {
  const { entry, isOwner, vocabulary, rendermime } = props;
  const { locale, trans } = props;
  const extensions = props.extensions ?? [];
  const share = entry.share;
  const id = (part: string): string => `sme-details-${entry.id}-${part}`;

  return (
    <article className="sme-Details" aria-labelledby={id('title')}>
      <header className="sme-Details-header">
        <div className="sme-Details-heading">
          <h1 id={id('title')} className="sme-Details-title">
            {entry.title}
          </h1>
          <span className={`sme-Badge sme-mod-${entry.kind}`}>
            {kindLabel(entry.kind, trans)}
          </span>
        </div>
        <EntryBadges entry={entry} trans={trans} />
        <ExtensionBadges
          extensions={extensions}
          entry={entry}
          isOwner={isOwner}
          place="details"
          trans={trans}
        />
        <div className="sme-Details-actions">
          {detailsButtons(props, extensions).map(button => (
            <button
              key={button.key}
              type="button"
              className={button.className ?? 'sme-Button'}
              title={button.title}
              onClick={button.onClick}
            >
              {button.label}
            </button>
          ))}
        </div>
      </header>

      <section aria-labelledby={id('description')}>
        <h2 id={id('description')}>{trans.__('Description')}</h2>
        <MarkdownView
          source={entry.description}
          rendermime={rendermime}
          placeholder={trans.__('No description.')}
        />
      </section>

      <section aria-labelledby={id('about')}>
        <h2 id={id('about')}>{trans.__('About')}</h2>
        <Fields
          rows={[
            [trans.__('ID'), <Code key="id">{entry.id}</Code>],
            [trans.__('Kind'), kindLabel(entry.kind, trans)],
            [trans.__('Data type'), vocabulary.dataType(entry.data_type)],
            [trans.__('ML task'), vocabulary.task(entry.task)],
            [trans.__('Framework'), vocabulary.framework(entry.framework)],
            [
              trans.__('Keywords'),
              entry.keywords.length > 0 ? (
                <ul className="sme-InlineList">
                  {entry.keywords.map(keyword => (
                    <li key={keyword} className="sme-Keyword">
                      {keyword}
                    </li>
                  ))}
                </ul>
              ) : null
            ],
            [trans.__('Owner'), entry.owner],
            [
              trans.__('Notebook'),
              entry.notebook ? <Code>{entry.notebook.s3_uri}</Code> : null
            ],
            [
              trans.__('Created'),
              <When key="c" value={entry.created_at} locale={locale} />
            ],
            [
              trans.__('Updated'),
              <When key="u" value={entry.updated_at} locale={locale} />
            ],
            [trans.__('Version'), String(entry.version)]
          ]}
        />
      </section>

      <section aria-labelledby={id('sharing')}>
        <h2 id={id('sharing')}>{trans.__('Sharing')}</h2>
        <Fields
          rows={[
            [
              trans.__('Organization'),
              share.organization
                ? trans.__('Shared with everyone in the organization')
                : trans.__('Not shared with the organization')
            ],
            [
              trans.__('People'),
              share.users.length > 0 ? share.users.join(', ') : trans.__('None')
            ],
            [
              trans.__('Canvas users'),
              share.canvas_users.length > 0
                ? share.canvas_users.join(', ')
                : trans.__('None')
            ]
          ]}
        />
      </section>

      {entry.kind === 'model' ? (
        <>
          <section aria-labelledby={id('training')}>
            <h2 id={id('training')}>{trans.__('Training')}</h2>
            {entry.training ? (
              <>
                <TrainingSection
                  spec={entry.training}
                  vocabulary={vocabulary}
                  trans={trans}
                />
                {props.checkDatasets ? (
                  <DatasetCheckSection
                    key={`${entry.id}-${entry.version}`}
                    check={props.checkDatasets}
                    trans={trans}
                  />
                ) : null}
              </>
            ) : (
              <p className="sme-Details-empty">
                {trans.__('Training is not enabled.')}
              </p>
            )}
          </section>
          <section aria-labelledby={id('deployment')}>
            <h2 id={id('deployment')}>{trans.__('Deployment')}</h2>
            {entry.inference ? (
              <InferenceSection
                spec={entry.inference}
                vocabulary={vocabulary}
                trans={trans}
              />
            ) : (
              <p className="sme-Details-empty">
                {trans.__('Deployment is not enabled.')}
              </p>
            )}
          </section>
        </>
      ) : null}
    </article>
  );
}

/** One button of the details' header. */
interface IDetailsButton {
  key: string;
  label: string;
  title?: string;
  /** Default: a plain `sme-Button`. */
  className?: string;
  onClick: () => void;
}

/**
 * The header's buttons, in order: Open (notebooks), Train and Run locally
 * (training enabled), Deploy (deployment enabled), what extensions add, Edit,
 * Share… and Delete (the owner's), Reload.
 */
function detailsButtons(
  props: IEntryDetailsProps,
  extensions: ReadonlyArray<IEntryExtension>
): IDetailsButton[] {
  const { entry, isOwner, onAction, trans } = props;
  const action = (
    name: Exclude<CardAction, 'details'>,
    label: string,
    more: Pick<IDetailsButton, 'title' | 'className'> = {}
  ): IDetailsButton => ({
    key: name,
    label,
    ...more,
    onClick: () => onAction(name)
  });
  const buttons: IDetailsButton[] = [];
  if (entry.kind === 'notebook') {
    buttons.push(
      action('open', trans.__('Open'), {
        title: trans.__('Copy this notebook into your workspace and open it'),
        className: 'sme-Button sme-mod-primary'
      })
    );
  }
  if (entry.training) {
    buttons.push(
      action('train', trans.__('Train'), {
        title: trans.__('Start a SageMaker training job from this model')
      }),
      action('run-locally', trans.__('Run locally'), {
        title: trans.__(
          'Run the training script on this machine, in the SageMaker training-container contract'
        )
      })
    );
  }
  if (entry.inference) {
    buttons.push(
      action('deploy', trans.__('Deploy'), {
        title: trans.__('Deploy this model to a SageMaker endpoint')
      })
    );
  }
  for (const extra of entryActions(extensions, entry, isOwner)) {
    buttons.push({
      key: `extension:${extra.id}`,
      label: extra.label,
      title: extra.title,
      onClick: extra.execute
    });
  }
  if (isOwner) {
    buttons.push(
      action('edit', trans.__('Edit')),
      action('share', trans.__('Share…')),
      action('delete', trans.__('Delete'), {
        className: 'sme-Button sme-mod-warn'
      })
    );
  }
  buttons.push({
    key: 'reload',
    label: trans.__('Reload'),
    onClick: props.onRefresh
  });
  return buttons;
}

/** "3 days ago (Nov 18, 2026, 10:00 AM)". */
function When(props: { value: string; locale?: string }): JSX.Element {
  const { value, locale } = props;
  return (
    <>
      <RelativeTime value={value} locale={locale} />{' '}
      <span className="sme-Muted">({absoluteTime(value, locale)})</span>
    </>
  );
}
