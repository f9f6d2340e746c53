/**
 * The destination actions (Register with Clean Rooms ML, Publish to hub…)
 * and the "In hub <name> · v<version>" badges, on a card and in the details
 * view, which the destinations plugin adds to the catalog's entries. Small
 * and free of dialogs: it is loaded at start.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { IEntry } from '../api/types';
import type { IEntryAction, IEntryExtension } from '../tokens';
import type { HubPublications, IPublicationsState } from './publications';
import { DestinationCommandIDs, type Destinations } from './service';
import type { IHubPublication } from './types';

/** Register with Clean Rooms ML: models (anyone who can see them). */
export function offersCleanRooms(entry: Pick<IEntry, 'kind'>): boolean {
  return entry.kind === 'model';
}

/** Publish to hub…: the owner's models and notebooks. */
export function offersHub(isOwner: boolean): boolean {
  return isOwner;
}

/**
 * The destinations' buttons and badges on every entry (the catalog renders
 * them; see `IEntryExtension` in `tokens.ts`): Register with Clean Rooms
 * ML on a model, Publish to hub… for its owner, and where it is published
 * (on a card for its owner only, the details view for everyone).
 */
export function destinationExtension(
  destinations: Destinations,
  trans: TranslationBundle
): IEntryExtension {
  const action = (
    command: string,
    entry: IEntry,
    label: string,
    title: string
  ): IEntryAction => ({
    id: command,
    label,
    title,
    execute: () => destinations.execute(command, entry.id)
  });
  return {
    actions: (entry, isOwner) => [
      ...(offersCleanRooms(entry)
        ? [
            action(
              DestinationCommandIDs.registerCleanRooms,
              entry,
              trans.__('Register with Clean Rooms ML'),
              trans.__(
                'Register this model’s container as a configured model algorithm of AWS Clean Rooms ML'
              )
            )
          ]
        : []),
      ...(offersHub(isOwner)
        ? [
            action(
              DestinationCommandIDs.publishToHub,
              entry,
              trans.__('Publish to hub…'),
              trans.__(
                'Publish this entry to a SageMaker private hub, for SageMaker Studio users'
              )
            )
          ]
        : [])
    ],
    Badges: function DestinationBadges(props) {
      // Only owners publish; others see where an entry is published in its details.
      if (props.place === 'card' && !props.isOwner) {
        return null;
      }
      return (
        <HubBadges
          publications={destinations.publications}
          entryId={props.entry.id}
          fresh={props.place === 'details'}
          trans={props.trans}
        />
      );
    }
  };
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
  /** Where entries are published (the destinations plugin's). */
  publications: HubPublications;
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
export function HubBadges(props: IHubBadgesProps): JSX.Element {
  const { publications, entryId, fresh, trans } = props;
  const ref = React.useRef<HTMLDivElement>(null);
  const [state, setState] = React.useState<IPublicationsState | undefined>(() =>
    publications.get(entryId)
  );

  React.useEffect(() => {
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
    if (!node) {
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
