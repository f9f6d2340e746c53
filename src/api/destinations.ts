import { ServerConnection } from '@jupyterlab/services';

import { queryString, type IRequestOptions } from './launches';
import { requestAPI } from './request';
import type {
  ICleanRoomsAlgorithmPage,
  ICleanRoomsDryRun,
  ICleanRoomsRegistered,
  ICleanRoomsRegistration,
  ICreateHub,
  IHub,
  IHubPage,
  IHubPublication,
  IHubPublicationList,
  IHubQuery
} from '../destinations/types';

/** Always asked of the server (a publication's status changes on AWS's side). */
const FRESH: RequestCache = 'no-cache';

/**
 * The typed client of the destination routes: Clean Rooms ML registration
 * and SageMaker private hubs. Every method rejects with an `ApiError` (see
 * `request.ts`).
 */
export class DestinationsClient {
  constructor(serverSettings?: ServerConnection.ISettings) {
    this.serverSettings = serverSettings ?? ServerConnection.makeSettings();
  }

  readonly serverSettings: ServerConnection.ISettings;

  /** `POST /entries/{id}/cleanrooms-algorithms`: register (and associate). */
  registerCleanRooms(
    entryId: string,
    body: ICleanRoomsRegistration
  ): Promise<ICleanRoomsRegistered> {
    return this._post(
      `entries/${encodeURIComponent(entryId)}/cleanrooms-algorithms`,
      body
    );
  }

  /**
   * `POST /entries/{id}/cleanrooms-algorithms?dry_run=true`: the server's
   * verdict on a registration (400 with field details, or its warnings),
   * nothing sent to AWS.
   */
  checkCleanRooms(
    entryId: string,
    body: ICleanRoomsRegistration,
    options: IRequestOptions = {}
  ): Promise<ICleanRoomsDryRun> {
    return this._post(
      `entries/${encodeURIComponent(entryId)}/cleanrooms-algorithms?dry_run=true`,
      body,
      options
    );
  }

  /** `GET /cleanrooms-algorithms`: the algorithms the user registered. */
  cleanRoomsAlgorithms(
    query: IHubQuery = {},
    options: IRequestOptions = {}
  ): Promise<ICleanRoomsAlgorithmPage> {
    return this._get(
      `cleanrooms-algorithms${queryString({ ...query })}`,
      options
    );
  }

  /** `GET /hubs`: the account's private hubs, one page. */
  hubs(
    query: IHubQuery = {},
    options: IRequestOptions = {}
  ): Promise<IHubPage> {
    return this._get(`hubs${queryString({ ...query })}`, options);
  }

  /** `POST /hubs`: create a private hub. */
  createHub(body: ICreateHub): Promise<IHub> {
    return this._post('hubs', body);
  }

  /** `POST /entries/{id}/hub-publications`: import the entry into a hub (owner only). */
  publishToHub(entryId: string, hubName: string): Promise<IHubPublication> {
    return this._post(
      `entries/${encodeURIComponent(entryId)}/hub-publications`,
      { hub_name: hubName }
    );
  }

  /** `GET /entries/{id}/hub-publications`: where the entry is published. */
  hubPublications(
    entryId: string,
    options: IRequestOptions = {}
  ): Promise<IHubPublicationList> {
    return this._get(
      `entries/${encodeURIComponent(entryId)}/hub-publications`,
      options
    );
  }

  private _post<T>(
    path: string,
    body: object,
    options: IRequestOptions = {}
  ): Promise<T> {
    return requestAPI<T>(
      path,
      { method: 'POST', body: JSON.stringify(body), signal: options.signal },
      this.serverSettings
    );
  }

  private _get<T>(path: string, options: IRequestOptions): Promise<T> {
    return requestAPI<T>(
      path,
      { method: 'GET', cache: FRESH, signal: options.signal },
      this.serverSettings
    );
  }
}
