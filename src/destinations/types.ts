/**
 * The destination routes' types, for this folder's code: the server's,
 * generated (`src/api/destinationTypes.ts`), never written here.
 */
export type {
  IAssociationRequest,
  ICleanRoomsAlgorithm,
  ICleanRoomsAlgorithmPage,
  ICleanRoomsAlgorithmQuery,
  ICleanRoomsDryRun,
  ICleanRoomsRegistered,
  ICleanRoomsRegistration,
  IContainerLogsConfig,
  ICreateHub,
  IHub,
  IHubPage,
  IHubPublication,
  IHubPublicationList,
  IHubQuery,
  IPrivacyConfiguration,
  MetricsNoiseLevel
} from '../api/destinationTypes';
