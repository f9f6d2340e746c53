/**
 * Destinations outside the catalog: Register with Clean Rooms ML (a model's
 * container as a configured model algorithm, optionally associated with a
 * collaboration) and Publish to hub… (a SageMaker private hub). The commands
 * are there from the start; their dialogs load the first time they are used.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { Notification, showErrorMessage } from '@jupyterlab/apputils';
import type { ITranslator } from '@jupyterlab/translation';

import { enabledFor, ENTRY_ARGS, entryFetcher } from '../catalog/entryCommands';
import { ILaunches, ISharedModels, TRANSLATION_DOMAIN } from '../tokens';
import { DestinationsClient } from '../api/destinations';
import { destinationExtension, offersCleanRooms, offersHub } from './card';
import { DestinationCommandIDs, Destinations } from './service';
import type { ICleanRoomsRegistered } from './types';

export { DestinationCommandIDs };

export interface IDestinationOptions {
  app: JupyterFrontEnd;
  catalog: ISharedModels;
  translator: ITranslator;
  /** My launches: shows a registration once it is recorded. */
  launches?: Pick<ILaunches, 'launched'> | null;
}

/**
 * Register the destination commands, and add their buttons and badges to
 * the catalog's cards and details view.
 */
export function addDestinationFeatures(
  options: IDestinationOptions
): Destinations {
  const { app, catalog, translator } = options;
  const trans = translator.load(TRANSLATION_DOMAIN);
  const client = new DestinationsClient(catalog.serverSettings);
  const destinations = new Destinations({ commands: app.commands, client });
  catalog.addEntryExtension(destinationExtension(destinations, trans));
  const fetchEntry = entryFetcher(catalog, trans);

  app.commands.addCommand(DestinationCommandIDs.registerCleanRooms, {
    label: trans.__('Register with Clean Rooms ML'),
    caption: trans.__(
      'Register a shared model’s container with AWS Clean Rooms ML, and optionally associate it with a collaboration'
    ),
    describedBy: ENTRY_ARGS,
    isEnabled: enabledFor(catalog, offersCleanRooms),
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
    isEnabled: enabledFor(catalog, entry => offersHub(catalog.isOwner(entry))),
    execute: async args => {
      const entry = await fetchEntry(args);
      if (!entry) {
        return;
      }
      if (!offersHub(catalog.isOwner(entry))) {
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
