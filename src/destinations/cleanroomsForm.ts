/**
 * The Register with Clean Rooms ML form: what it holds (as typed), the body
 * of `POST /entries/{id}/cleanrooms-algorithms` it gives, and its field keys
 * (the body's paths, where the server's details land). No rule lives here:
 * the server checks every field (live, with `?dry_run=true`).
 */
import type { IEntry } from '../api/types';
import { numberOrText } from '../common/form';
import type {
  ICleanRoomsRegistration,
  IPrivacyConfiguration,
  MetricsNoiseLevel
} from './types';

/** What the dialog holds, as typed. */
export interface ICleanRoomsFormValue {
  name: string;
  description: string;
  /** Empty: the server's default role (`cleanrooms_role_arn`). */
  role_arn: string;
  /** One item per line. */
  entrypoint: string;
  /** One item per line. */
  arguments: string;
  kms_key_arn: string;
  /** Also associate the algorithm with a collaboration (a membership). */
  associate: boolean;
  membership_id: string;
  association_name: string;
  association_description: string;
  /** Account IDs that may read the container's logs (spaces or commas between). */
  log_accounts: string;
  log_filter: string;
  /** Empty: not set. */
  metrics_noise_level: '' | MetricsNoiseLevel;
  max_artifact_size_gb: string;
  max_output_size_gb: string;
}

export const NOISE_LEVELS: ReadonlyArray<MetricsNoiseLevel> = [
  'NONE',
  'LOW',
  'MEDIUM',
  'HIGH'
];

/** The field keys of the form, by the value they edit. */
export const CLEANROOMS_KEYS = {
  name: 'name',
  description: 'description',
  role_arn: 'role_arn',
  entrypoint: 'entrypoint',
  arguments: 'arguments',
  kms_key_arn: 'kms_key_arn',
  associate: 'association',
  membership_id: 'association.membership_id',
  association_name: 'association.name',
  association_description: 'association.description',
  log_accounts:
    'association.privacy_configuration.container_logs.allowed_account_ids',
  log_filter: 'association.privacy_configuration.container_logs.filter_pattern',
  metrics_noise_level: 'association.privacy_configuration.metrics_noise_level',
  max_artifact_size_gb:
    'association.privacy_configuration.max_artifact_size_gb',
  max_output_size_gb: 'association.privacy_configuration.max_output_size_gb'
} as const satisfies Record<keyof ICleanRoomsFormValue, string>;

/** Every field key (the association's count only while it is asked for). */
export function cleanroomsFieldKeys(): string[] {
  return [
    ...Object.values(CLEANROOMS_KEYS),
    'association.privacy_configuration',
    'association.privacy_configuration.container_logs'
  ];
}

/**
 * The algorithm's first name: the entry's ID (the user may change it). The
 * server says, as the user types, when a name is not one it accepts.
 */
export function defaultAlgorithmName(entry: Pick<IEntry, 'id'>): string {
  return entry.id;
}

export function cleanroomsFormValue(
  entry: Pick<IEntry, 'id' | 'title' | 'training'>,
  roleArn = ''
): ICleanRoomsFormValue {
  const name = defaultAlgorithmName(entry);
  return {
    name,
    description: entry.title,
    role_arn: roleArn,
    entrypoint: '',
    arguments: '',
    kms_key_arn: '',
    associate: false,
    membership_id: '',
    association_name: name,
    association_description: '',
    log_accounts: '',
    log_filter: '',
    metrics_noise_level: '',
    max_artifact_size_gb: '',
    max_output_size_gb: ''
  };
}

/** The lines of a list field, without empty ones. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line.length > 0);
}

/** The words of a field of IDs (spaces or commas between). */
export function words(text: string): string[] {
  return text.split(/[\s,]+/).filter(word => word.length > 0);
}

/** The body of the request, without the fields left empty. */
export function cleanroomsBody(
  value: ICleanRoomsFormValue
): ICleanRoomsRegistration {
  const body: ICleanRoomsRegistration = { name: value.name.trim() };
  const text: Array<'description' | 'role_arn' | 'kms_key_arn'> = [
    'description',
    'role_arn',
    'kms_key_arn'
  ];
  for (const key of text) {
    const trimmed = value[key].trim();
    if (trimmed) {
      body[key] = trimmed;
    }
  }
  const entrypoint = lines(value.entrypoint);
  if (entrypoint.length > 0) {
    body.entrypoint = entrypoint;
  }
  const args = lines(value.arguments);
  if (args.length > 0) {
    body.arguments = args;
  }
  if (value.associate) {
    body.association = {
      membership_id: value.membership_id.trim(),
      name: value.association_name.trim()
    };
    const description = value.association_description.trim();
    if (description) {
      body.association.description = description;
    }
    const privacy = privacyConfiguration(value);
    if (privacy) {
      body.association.privacy_configuration = privacy;
    }
  }
  return body;
}

function privacyConfiguration(
  value: ICleanRoomsFormValue
): IPrivacyConfiguration | null {
  const privacy: Record<string, unknown> = {};
  const accounts = words(value.log_accounts);
  const filter = value.log_filter.trim();
  if (accounts.length > 0 || filter) {
    privacy.container_logs = {
      allowed_account_ids: accounts,
      ...(filter ? { filter_pattern: filter } : {})
    };
  }
  if (value.metrics_noise_level) {
    privacy.metrics_noise_level = value.metrics_noise_level;
  }
  for (const key of ['max_artifact_size_gb', 'max_output_size_gb'] as const) {
    if (value[key].trim()) {
      privacy[key] = numberOrText(value[key]);
    }
  }
  // Sizes the user typed as text go as typed: the server names the problem.
  return Object.keys(privacy).length > 0
    ? (privacy as IPrivacyConfiguration)
    : null;
}
