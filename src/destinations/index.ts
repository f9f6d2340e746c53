/**
 * Destinations outside the catalog: Register with Clean Rooms ML (a model's
 * container as a configured model algorithm, optionally associated with a
 * collaboration) and Publish to hub… (a SageMaker private hub). The commands
 * are there from the start; their dialogs load the first time they are used.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { Notification, showErrorMessage } from '@jupyterlab/apputils';
import type { ITranslator } from '@jupyterlab/translation';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { ENTRY_ARGS, entryFetcher } from '../catalog/entryCommands';
import type { SharedModelsModel } from '../catalog/model';
import { TRANSLATION_DOMAIN } from '../tokens';
import { DestinationsClient } from '../api/destinations';
import { offersCleanRooms, offersHub } from './card';
import {
  DestinationCommandIDs,
  Destinations,
  setDestinations
} from './service';
import type { ICleanRoomsRegistered } from './types';

export { DestinationCommandIDs };

export interface IDestinationOptions {
  app: JupyterFrontEnd;
  model: SharedModelsModel;
  translator: ITranslator;
  /** My launches: shows a registration once it is recorded. */
  launches?: { launched(): void } | null;
}

/** Register the destination commands; the cards and details view show them. */
export function addDestinationFeatures(
  options: IDestinationOptions
): Destinations {
  const { app, model, translator } = options;
  const trans = translator.load(TRANSLATION_DOMAIN);
  const client = new DestinationsClient(model.client.serverSettings);
  const destinations = new Destinations({ commands: app.commands, client });
  setDestinations(destinations);
  const fetchEntry = entryFetcher(model, trans);

  const known = (args: ReadonlyPartialJSONObject) =>
    model.findEntry(String(args.id ?? ''));

  app.commands.addCommand(DestinationCommandIDs.registerCleanRooms, {
    label: trans.__('Register with Clean Rooms ML'),
    caption: trans.__(
      'Register a shared model’s container with AWS Clean Rooms ML, and optionally associate it with a collaboration'
    ),
    describedBy: ENTRY_ARGS,
    isEnabled: args => {
      const entry = known(args);
      return entry === undefined || offersCleanRooms(entry);
    },
    execute: async args => {
      const entry = await fetchEntry(args);
      if (!entry) {
        return;
      }
      if (!offersCleanRooms(entry)) {
        await showErrorMessage(
          trans.__('Cannot register “%1”', entry.title),
          trans.__('Only models can be registered with Clean Rooms ML.')
        );
        return;
      }
      const { showCleanRoomsDialog } = await import('./cleanroomsDialog');
      await showCleanRoomsDialog({
        entry,
        client,
        trans,
        onRegistered: registered => {
          options.launches?.launched();
          notifyRegistered(registered);
        }
      });
    }
  });

  app.commands.addCommand(DestinationCommandIDs.publishToHub, {
    label: trans.__('Publish to hub…'),
    caption: trans.__(
      'Publish a model or notebook you shared to a SageMaker private hub'
    ),
    describedBy: ENTRY_ARGS,
    isEnabled: args => {
      const entry = known(args);
      return entry === undefined || offersHub(model.isOwner(entry));
    },
    execute: async args => {
      const entry = await fetchEntry(args);
      if (!entry) {
        return;
      }
      if (!offersHub(model.isOwner(entry))) {
        await showErrorMessage(
          trans.__('Cannot publish “%1”', entry.title),
          trans.__('Only the owner of an entry can publish it to a hub.')
        );
        return;
      }
      const { showHubDialog } = await import('./hubDialog');
      await showHubDialog({
        entry,
        client,
        trans,
        onPublished: publication =>
          destinations.publications.published(entry.id, publication)
      });
    }
  });

  const notifyRegistered = (registered: ICleanRoomsRegistered): void => {
    for (const warning of registered.warnings) {
      Notification.warning(warning, { autoClose: false });
    }
    if (registered.console_url) {
      Notification.info(
        registered.adopted
          ? trans.__(
              '%1 was already registered for this entry: it is reused.',
              registered.name
            )
          : trans.__('%1 is registered with Clean Rooms ML.', registered.name),
        {
          autoClose: 8000,
          actions: [
            {
              label: trans.__('Open in the AWS console'),
              callback: () => {
                window.open(registered.console_url, '_blank', 'noopener');
              }
            }
          ]
        }
      );
    }
  };

  return destinations;
}
