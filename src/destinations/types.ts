/**
 * The shapes of the destination routes of the Shared models API: Clean Rooms
 * ML registration (`/entries/{id}/cleanrooms-algorithms`,
 * `/cleanrooms-algorithms`) and SageMaker private hubs (`/hubs`,
 * `/entries/{id}/hub-publications`).
 */

// -- Clean Rooms ML ----------------------------------------------------------

export type MetricsNoiseLevel = 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';

export interface IContainerLogsConfig {
  allowed_account_ids: string[];
  filter_pattern?: string;
}

export interface IPrivacyConfiguration {
  container_logs?: IContainerLogsConfig;
  metrics_noise_level?: MetricsNoiseLevel;
  max_artifact_size_gb?: number;
  max_output_size_gb?: number;
}

export interface IAssociationRequest {
  membership_id: string;
  name: string;
  description?: string;
  privacy_configuration?: IPrivacyConfiguration;
}

/** The body of `POST /entries/{id}/cleanrooms-algorithms`. */
export interface ICleanRoomsRegistration {
  name: string;
  role_arn?: string;
  description?: string;
  entrypoint?: string[];
  arguments?: string[];
  kms_key_arn?: string;
  association?: IAssociationRequest;
}

/** Its 201. */
export interface ICleanRoomsRegistered {
  name: string;
  configured_model_algorithm_arn: string;
  association_arn: string | null;
  /** An algorithm of the same name, entry and user existed: it was reused. */
  adopted: boolean;
  warnings: string[];
  console_url: string;
}

/** The 200 of `?dry_run=true`. */
export interface ICleanRoomsDryRun {
  warnings: string[];
}

export interface ICleanRoomsAlgorithm {
  name: string;
  configured_model_algorithm_arn: string;
  association_arn: string | null;
  entry_id: string;
  created: string;
}

export interface ICleanRoomsAlgorithmPage {
  items: ICleanRoomsAlgorithm[];
  next_cursor: string | null;
}

// -- SageMaker private hubs ----------------------------------------------------

export interface IHub {
  name: string;
  arn: string;
  display_name: string | null;
  description: string | null;
  status: string;
}

export interface IHubPage {
  items: IHub[];
  next_cursor: string | null;
}

export interface IHubQuery {
  limit?: number;
  cursor?: string | null;
}

/** The body of `POST /hubs`. */
export interface ICreateHub {
  name: string;
  description: string;
  display_name?: string;
  search_keywords?: string[];
}

/** One publication of an entry to a hub. */
export interface IHubPublication {
  hub_name: string;
  content_name: string;
  content_type: string;
  /** The latest HubContentVersion; null when it can no longer be read. */
  version: string | null;
  /** HubContentStatus; `Deleted` when gone from the hub, `Unknown` when unreadable. */
  status: string;
  arn: string | null;
  failure_reason?: string | null;
}

export interface IHubPublicationList {
  items: IHubPublication[];
}
