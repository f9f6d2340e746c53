import { ApiClient, IRequestOptions, route } from './client';
import type {
  ICleanRoomsAlgorithmPage,
  ICleanRoomsAlgorithmQuery,
  ICleanRoomsDryRun,
  ICleanRoomsRegistered,
  ICleanRoomsRegistration,
  ICreateHub,
  IHub,
  IHubPage,
  IHubPublication,
  IHubPublicationList,
  IHubQuery
} from './destinationTypes';

/**
 * The typed client of the destination routes: Clean Rooms ML registration
 * and SageMaker private hubs. Every method rejects with an `ApiError` (see
 * `request.ts`).
 */
export class DestinationsClient extends ApiClient {
  /** `POST /entries/{id}/cleanrooms-algorithms`: register (and associate). */
  registerCleanRooms(
    entryId: string,
    body: ICleanRoomsRegistration
  ): Promise<ICleanRoomsRegistered> {
    return this.post(route('entries', entryId, 'cleanrooms-algorithms'), body);
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
    return this.post(route('entries', entryId, 'cleanrooms-algorithms'), body, {
      ...options,
      query: { dry_run: true }
    });
  }

  /** `GET /cleanrooms-algorithms`: the algorithms the user registered. */
  cleanRoomsAlgorithms(
    query: ICleanRoomsAlgorithmQuery = {},
    options: IRequestOptions = {}
  ): Promise<ICleanRoomsAlgorithmPage> {
    return this.get('cleanrooms-algorithms', { ...query }, options);
  }

  /** `GET /hubs`: the account's private hubs, one page. */
  hubs(
    query: IHubQuery = {},
    options: IRequestOptions = {}
  ): Promise<IHubPage> {
    return this.get('hubs', { ...query }, options);
  }

  /** `POST /hubs`: create a private hub. */
  createHub(body: ICreateHub): Promise<IHub> {
    return this.post('hubs', body);
  }

  /** `POST /entries/{id}/hub-publications`: import the entry into a hub (owner only). */
  publishToHub(entryId: string, hubName: string): Promise<IHubPublication> {
    return this.post(route('entries', entryId, 'hub-publications'), {
      hub_name: hubName
    });
  }

  /** `GET /entries/{id}/hub-publications`: where the entry is published. */
  hubPublications(
    entryId: string,
    options: IRequestOptions = {}
  ): Promise<IHubPublicationList> {
    return this.get(route('entries', entryId, 'hub-publications'), {}, options);
  }
}
