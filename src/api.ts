import { ServerConnection } from '@jupyterlab/services';

import { requestAPI } from './request';
import type { IMe } from './types';

/**
 * The typed client of the Shared models REST API: one method per route.
 *
 * Every method rejects with an `ApiError` (see `request.ts`).
 */
export class SharedModelsClient {
  constructor(options: SharedModelsClient.IOptions = {}) {
    this.serverSettings =
      options.serverSettings ?? ServerConnection.makeSettings();
  }

  /** The connection settings used for every call. */
  readonly serverSettings: ServerConnection.ISettings;

  /** `GET /me`: the signed-in catalog user. */
  me(): Promise<IMe> {
    return requestAPI<IMe>('me', { method: 'GET' }, this.serverSettings);
  }
}

export namespace SharedModelsClient {
  export interface IOptions {
    /** Defaults to the page's server connection settings. */
    serverSettings?: ServerConnection.ISettings;
  }
}
