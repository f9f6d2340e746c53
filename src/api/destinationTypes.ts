/**
 * The types of the destination routes: Clean Rooms ML registration
 * (`/entries/{id}/cleanrooms-algorithms`, `/cleanrooms-algorithms`) and
 * SageMaker private hubs (`/hubs`, `/entries/{id}/hub-publications`), as the
 * server's models declare them (`shared_models_ext/domain/models/cleanrooms.py`,
 * `hubs.py`): generated into `schema.ts` by `scripts/generate_api_types.py`.
 */
import type { QueryOf, Schemas } from './types';

// -- Clean Rooms ML ----------------------------------------------------------

export type IContainerLogsConfig = Schemas['ContainerLogs'];
export type IPrivacyConfiguration = Schemas['PrivacyConfiguration'];
export type MetricsNoiseLevel = NonNullable<
  IPrivacyConfiguration['metrics_noise_level']
>;
export type IAssociationRequest = Schemas['AlgorithmAssociation'];
/** The body of `POST /entries/{id}/cleanrooms-algorithms`. */
export type ICleanRoomsRegistration = Schemas['RegisterAlgorithm'];
/** Its 201. */
export type ICleanRoomsRegistered = Schemas['AlgorithmRegistered'];
/** The 200 of `?dry_run=true`. */
export type ICleanRoomsDryRun = Schemas['RegistrationCheck'];
export type ICleanRoomsAlgorithm = Schemas['RegisteredAlgorithm'];
export type ICleanRoomsAlgorithmPage = Schemas['RegisteredAlgorithmPage'];
export type ICleanRoomsAlgorithmQuery = QueryOf<'/cleanrooms-algorithms'>;

// -- SageMaker private hubs ----------------------------------------------------

export type IHub = Schemas['Hub'];
export type IHubPage = Schemas['HubPage'];
export type IHubQuery = QueryOf<'/hubs'>;
/** The body of `POST /hubs`. */
export type ICreateHub = Schemas['CreateHub'];
/** One publication of an entry to a hub. */
export type IHubPublication = Schemas['HubPublication'];
export type IHubPublicationList = Schemas['HubPublicationList'];
