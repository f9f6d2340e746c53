/**
 * Types mirroring the server's pydantic models (`shared_models_ext/domain/models/`).
 *
 * Field names are the API's own (snake_case): these objects are what the
 * server sends, not view models.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

/** `GET /me`: who the catalog thinks the current user is. */
export interface IMe {
  /** The stable user name entries are owned by and shared with. */
  username: string;
  /** A human-friendly name; may equal `username`. */
  display_name: string;
}

/** One field-level problem in an error response (pydantic style). */
export interface IErrorDetail {
  /** Where the problem is, e.g. `["training", "channels", 0, "uri"]`. */
  loc: Array<string | number>;
  /** What is wrong. */
  msg: string;
}

/** The body of every error response: `{"error": {...}}`. */
export interface IErrorBody {
  error: {
    code: string;
    message: string;
    details?: IErrorDetail[];
  };
}

/** Vocabulary ids (`shared_models_ext/domain/vocabulary.py`): fixed; labels come from `GET /options`. */
export type Kind = 'model' | 'notebook';
export type DataType = 'text' | 'image' | 'tabular' | 'audio';
export type Scope = 'mine' | 'shared-with-me' | 'organization';
export type SortKey = 'updated' | 'title';
export type SortOrder = 'asc' | 'desc';
export type ImageSource = 'training-job' | 'ecr' | 'dlc';
export type Scaling = 'auto' | 'linear' | 'logarithmic' | 'reverse-logarithmic';
export type ColumnType =
  'numeric' | 'categorical' | 'text' | 'boolean' | 'datetime';

/**
 * The entry and its parts, as the server's models declare them: generated
 * into `schema.ts` by `scripts/generate_api_types.py`, never written by hand.
 */
export type IShare = Schemas['Share'];
export type IContainerImage = Schemas['ContainerImage'];
export type IChannel = Schemas['Channel'];
export type IIntegerHyperparameter = Schemas['IntegerHyperparameter'];
export type IContinuousHyperparameter = Schemas['ContinuousHyperparameter'];
export type ICategoricalHyperparameter = Schemas['CategoricalHyperparameter'];
export type IFreeTextHyperparameter = Schemas['FreeTextHyperparameter'];
export type IHyperparameterSpec =
  | IIntegerHyperparameter
  | IContinuousHyperparameter
  | ICategoricalHyperparameter
  | IFreeTextHyperparameter;
export type IMetricDefinition = Schemas['MetricDefinition'];
export type IColumnSpec = Schemas['ColumnSpec'];
export type ITabularFormat = Schemas['TabularFormat'];
/** How to train a model ("Enable training" in the wizard). */
export type ITrainingSpec = Schemas['TrainingSpec'];
/** How to deploy a model ("Enable deployment" in the wizard). */
export type IInferenceSpec = Schemas['InferenceSpec'];
export type INotebookRef = Schemas['NotebookRef'];
/** A catalog entry as the server returns it (`version`: the ETag `If-Match` names). */
export type IEntry = Schemas['Entry'];
/** One page of `GET /entries` (`next_cursor` null on the last page). */
export type IEntryPage = Schemas['EntryPage'];

/** What the store owns of an entry: a request may echo it back, never set it. */
type StoreOwned = 'id' | 'owner' | 'created_at' | 'updated_at' | 'version';

/**
 * The body of `POST /entries` (and, with the read-only fields, of `PUT`): the
 * entry's content, an optional `id`, keywords as a list or one string the
 * server splits (spaces and commas).
 */
export type IEntryInput = Omit<
  IEntry,
  | StoreOwned
  | 'task'
  | 'framework'
  | 'keywords'
  | 'training'
  | 'inference'
  | 'notebook'
> &
  Partial<Pick<IEntry, 'training' | 'inference' | 'notebook'>> & {
    id?: string | null;
    /** As typed: the server says when it is not one of the vocabulary's. */
    task: string;
    framework: string;
    keywords: string[] | string;
  };

/** `GET /entries` parameters (all optional). */
export interface IEntryQuery {
  scope?: Scope;
  kind?: Kind;
  data_type?: DataType;
  task?: string;
  framework?: string;
  canvas?: boolean;
  q?: string;
  sort?: SortKey;
  order?: SortOrder;
  limit?: number;
  cursor?: string;
}

export interface IChoice {
  id: string;
  label: string;
}

export interface IInstanceTypeInfo {
  id: string;
  label: string;
  gpu: boolean;
  memory_gib: number;
  vcpus: number;
  accelerators: number;
  accelerator: string | null;
  accelerator_memory_gib: number;
}

/** `GET /options`: vocabularies with labels, for the forms and filters. */
export interface IOptions {
  kinds: IChoice[];
  data_types: IChoice[];
  /** The ML tasks of each data type. */
  tasks: Record<string, IChoice[]>;
  frameworks: IChoice[];
  hyperparameter_types: IChoice[];
  scalings: IChoice[];
  column_types: IChoice[];
  image_sources: IChoice[];
  instance_types: {
    training: IInstanceTypeInfo[];
    inference: IInstanceTypeInfo[];
  };
  /** The catalog's rules, as the server enforces them (for instant previews). */
  rules?: IRules;
}

/** `GET /options` → `rules`: what the forms show instantly, served so it is never copied. */
export interface IRules {
  keywords: {
    /** A RegExp character-class source: Python's `str.isspace()` characters and ",". */
    separator_pattern: string;
    max_count: number;
    max_length: number;
  };
  id: { pattern: string; max_length: number };
  title: { max_length: number };
  description: { max_bytes: number };
  share: {
    max_users: number;
    max_canvas_users: number;
    max_user_name_length: number;
  };
  /** `limit` of `GET /entries`. */
  page: { max_limit: number; default_limit: number };
}

/** `GET /s3` without `uri`: the buckets the credentials may list. */
export interface IBucketList {
  buckets: IS3Bucket[];
}

export interface IS3Bucket {
  name: string;
  /** `s3://<name>/`. */
  uri: string;
}

/** A common prefix ("folder") directly under the listed prefix. */
export interface IS3Folder {
  /** The folder's name, relative to the listed prefix, without the `/`. */
  name: string;
  /** `s3://bucket/prefix/name/`. */
  uri: string;
}

/** An object directly under the listed prefix. */
export interface IS3Object {
  /** The full key. */
  key: string;
  uri: string;
  /** Bytes. */
  size: number;
  /** ISO-8601, UTC. */
  last_modified: string;
}

/** `GET /s3?uri=…`: one page (one S3 request) of a prefix. */
export interface IS3Listing {
  /** The listed prefix, `s3://bucket/prefix/`. */
  uri: string;
  folders: IS3Folder[];
  objects: IS3Object[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
}

/** `GET /s3/exists?uri=…`. */
export interface IS3Exists {
  uri: string;
  /** An object at the URI, or at least one under it (a prefix). */
  exists: boolean;
}

/** The body of `POST /notebooks/share`: a workspace notebook and its basic information. */
export interface IShareNotebookInput {
  /** The workspace path of the `.ipynb` file. */
  path: string;
  /**
   * `s3://…/name.ipynb`, or a prefix to upload `<entry id>.ipynb` under;
   * omitted: the server's `share_notebooks_to`.
   */
  s3_uri?: string;
  id?: string;
  title: string;
  description: string;
  data_type: DataType;
  task: string;
  framework: string;
  keywords: string[] | string;
  share: IShare;
}

/** `POST /entries/{id}/open`: where the copy was written. */
export interface IOpenedNotebook {
  /** The workspace path of the new file, e.g. `work/churn-1.ipynb`. */
  path: string;
}

/** The body of `POST /validation-check`. */
export interface IDatasetCheckInput {
  training_data_uri: string;
  validation_data_uri: string;
}

/** Do the training and validation CSV headers agree? */
export interface IDatasetCheck {
  ok: boolean;
  training_columns: string[];
  validation_columns: string[];
  /** Plain sentences; empty when `ok`. */
  problems: string[];
  /** The CSV objects whose headers were read (null when none was found). */
  training_object?: string | null;
  validation_object?: string | null;
}
