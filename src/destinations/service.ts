/**
 * What the cards and the details view need of the destinations: the
 * commands to run and where entries are published. The destinations plugin
 * makes one (`addDestinationFeatures`) and gives it to the buttons and
 * badges it adds to the catalog's entries; without the plugin there are none.
 */
import type { CommandRegistry } from '@lumino/commands';
import type { IDisposable } from '@lumino/disposable';

import type { DestinationsClient } from '../api/destinations';
import { HubPublications } from './publications';

/** The destination commands (args: `{id}`, a catalog entry's ID). */
export namespace DestinationCommandIDs {
  /** The Register with Clean Rooms ML dialog of a model. */
  export const registerCleanRooms = 'shared-models:register-cleanrooms';

  /** The Publish to hub… dialog of an entry the user owns. */
  export const publishToHub = 'shared-models:publish-to-hub';
}

export class Destinations implements IDisposable {
  constructor(options: Destinations.IOptions) {
    this.commands = options.commands;
    this.client = options.client;
    this.publications = new HubPublications(options.client);
  }

  readonly commands: CommandRegistry;
  readonly client: DestinationsClient;
  readonly publications: HubPublications;

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Run a destination command on an entry. */
  execute(command: string, entryId: string): void {
    if (this.commands.hasCommand(command)) {
      void this.commands.execute(command, { id: entryId });
    }
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this.publications.dispose();
  }

  private _isDisposed = false;
}

export namespace Destinations {
  export interface IOptions {
    commands: CommandRegistry;
    client: DestinationsClient;
  }
}
