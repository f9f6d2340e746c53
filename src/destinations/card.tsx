/**
 * The destination actions (Register with Clean Rooms ML, Publish to hub…)
 * and the "In hub <name> · v<version>" badges, on a card and in the details
 * view. Small and free of dialogs: the cards load it at start.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { IEntry } from '../api/types';
import type { IPublicationsState } from './publications';
import type { IHubPublication } from './types';
import { currentDestinations, DestinationCommandIDs } from './service';

/** Register with Clean Rooms ML: models (anyone who can see them). */
export function offersCleanRooms(entry: Pick<IEntry, 'kind'>): boolean {
  return entry.kind === 'model';
}

/** Publish to hub…: the owner's models and notebooks. */
export function offersHub(isOwner: boolean): boolean {
  return isOwner;
}

export interface IDestinationButtonsProps {
  entry: IEntry;
  isOwner: boolean;
  /** The card's buttons are small, the details view's are not. */
  small?: boolean;
  /** The element naming the entry (the buttons' description). */
  describedBy?: string;
  trans: TranslationBundle;
}

/** The destination buttons of an entry (none before the plugin activates). */
export function DestinationButtons(
  props: IDestinationButtonsProps
): JSX.Element | null {
  const { entry, isOwner, small, describedBy, trans } = props;
  const destinations = currentDestinations();
  if (!destinations) {
    return null;
  }
  const className = `sme-Button${small ? ' sme-mod-small' : ''}`;
  const button = (
    command: string,
    label: string,
    title: string
  ): JSX.Element => (
    <button
      type="button"
      className={className}
      title={title}
      aria-describedby={describedBy}
      onClick={event => {
        event.stopPropagation();
        destinations.execute(command, entry.id);
      }}
    >
      {label}
    </button>
  );
  return (
    <>
      {offersCleanRooms(entry)
        ? button(
            DestinationCommandIDs.registerCleanRooms,
            trans.__('Register with Clean Rooms ML'),
            trans.__(
              'Register this model’s container as a configured model algorithm of AWS Clean Rooms ML'
            )
          )
        : null}
      {offersHub(isOwner)
        ? button(
            DestinationCommandIDs.publishToHub,
            trans.__('Publish to hub…'),
            trans.__(
              'Publish this entry to a SageMaker private hub, for SageMaker Studio users'
            )
          )
        : null}
    </>
  );
}

/** The text of a publication's badge. */
export function hubBadgeText(
  publication: Pick<IHubPublication, 'hub_name' | 'version' | 'status'>,
  trans: TranslationBundle
): string {
  if (publication.status === 'Deleted') {
    return trans.__('Removed from hub %1', publication.hub_name);
  }
  return publication.version
    ? trans.__('In hub %1 · v%2', publication.hub_name, publication.version)
    : trans.__('In hub %1', publication.hub_name);
}

/** The status worth showing next to the badge (not for the usual Available). */
function statusNote(publication: IHubPublication): string {
  const { status } = publication;
  return status && status !== 'Available' && status !== 'Deleted' ? status : '';
}

export interface IHubBadgesProps {
  entryId: string;
  /** Ask the server again on mount (the details view: the status may have changed). */
  fresh?: boolean;
  trans: TranslationBundle;
}

/**
 * Where the entry is published, one badge per hub. Asked of the server
 * once the badges' place is on screen (a card scrolled into view), not
 * before.
 */
export function HubBadges(props: IHubBadgesProps): JSX.Element | null {
  const { entryId, fresh, trans } = props;
  const destinations = currentDestinations();
  const publications = destinations?.publications ?? null;
  const ref = React.useRef<HTMLDivElement>(null);
  const [state, setState] = React.useState<IPublicationsState | undefined>(() =>
    publications?.get(entryId)
  );

  React.useEffect(() => {
    if (!publications) {
      return;
    }
    const changed = (_: unknown, id: string): void => {
      if (id === entryId) {
        setState(publications.get(entryId));
      }
    };
    publications.changed.connect(changed);
    setState(publications.get(entryId));
    return () => {
      publications.changed.disconnect(changed);
    };
  }, [publications, entryId]);

  React.useEffect(() => {
    const node = ref.current;
    if (!publications || !node) {
      return;
    }
    if (typeof IntersectionObserver === 'undefined') {
      void publications.load(entryId, fresh);
      return;
    }
    const observer = new IntersectionObserver(records => {
      if (records.some(record => record.isIntersecting)) {
        observer.disconnect();
        void publications.load(entryId, fresh);
      }
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [publications, entryId, fresh]);

  if (!publications) {
    return null;
  }
  const items = state?.items ?? [];
  return (
    <div ref={ref} className="sme-HubBadges">
      {items.length > 0 ? (
        <ul className="sme-HubBadges-list" aria-label={trans.__('Published')}>
          {items.map(item => (
            <li
              key={item.hub_name}
              className="sme-Badge sme-mod-hub"
              title={[
                trans.__(
                  'SageMaker hub %1, %2 content version %3: %4',
                  item.hub_name,
                  item.content_type,
                  item.version ?? '?',
                  item.status
                ),
                item.failure_reason ?? ''
              ]
                .filter(Boolean)
                .join('\n')}
            >
              {hubBadgeText(item, trans)}
              {statusNote(item) ? (
                <span className="sme-HubBadges-status">
                  {' · '}
                  {statusNote(item)}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
