/**
 * What the cards and the details view need of the destinations: the
 * commands to run and where entries are published. Set once, when the
 * plugin activates (`addDestinationFeatures`); until then (and in views
 * built without it) the destination buttons and badges are not shown.
 */
import type { CommandRegistry } from '@lumino/commands';

import type { DestinationsClient } from '../api/destinations';
import { HubPublications } from './publications';

/** The destination commands (args: `{id}`, a catalog entry's ID). */
export namespace DestinationCommandIDs {
  /** The Register with Clean Rooms ML dialog of a model. */
  export const registerCleanRooms = 'shared-models:register-cleanrooms';

  /** The Publish to hub… dialog of an entry the user owns. */
  export const publishToHub = 'shared-models:publish-to-hub';
}

export class Destinations {
  constructor(options: Destinations.IOptions) {
    this.commands = options.commands;
    this.client = options.client;
    this.publications = new HubPublications(options.client);
  }

  readonly commands: CommandRegistry;
  readonly client: DestinationsClient;
  readonly publications: HubPublications;

  /** Run a destination command on an entry. */
  execute(command: string, entryId: string): void {
    if (this.commands.hasCommand(command)) {
      void this.commands.execute(command, { id: entryId });
    }
  }
}

export namespace Destinations {
  export interface IOptions {
    commands: CommandRegistry;
    client: DestinationsClient;
  }
}

let current: Destinations | null = null;

/** The destinations of this JupyterLab (null before the plugin activates). */
export function currentDestinations(): Destinations | null {
  return current;
}

/** Set (or, with null, clear) the destinations the views use. */
export function setDestinations(destinations: Destinations | null): void {
  current?.publications.dispose();
  current = destinations;
}
