/**
 * The types of the catalog routes, as the server's pydantic models
 * (`shared_models_ext/domain/models/`) declare them: generated into
 * `schema.ts` by `scripts/generate_api_types.py`, never written by hand.
 * Those of the launch and destination routes are in `launchTypes.ts` and
 * `destinationTypes.ts`.
 *
 * Field names are the API's own (snake_case): these objects are what the
 * server sends, not view models.
 */
import type { components, paths } from './schema';

/** The component schemas of the server's OpenAPI document. */
export type Schemas = components['schemas'];

/** The query parameters of `GET path`. */
export type QueryOf<P extends keyof paths> = paths[P] extends {
  get: { parameters: { query?: infer Q } };
}
  ? NonNullable<Q>
  : never;

/** `GET /me`: who the catalog thinks the current user is. */
export type IMe = Schemas['Me'];

/** One field-level problem in an error response (pydantic style). */
export type IErrorDetail = Schemas['ErrorDetailModel'];

/** The body of every error response: `{"error": {...}}`. */
export type IErrorBody = Schemas['ErrorResponse'];

/** Vocabulary ids (`shared_models_ext/domain/vocabulary.py`): fixed; labels come from `GET /options`. */
export type Kind = Schemas['Entry']['kind'];
export type DataType = Schemas['Entry']['data_type'];
type EntriesQuery = QueryOf<'/entries'>;
export type Scope = NonNullable<EntriesQuery['scope']>;
export type SortKey = NonNullable<EntriesQuery['sort']>;
export type SortOrder = NonNullable<EntriesQuery['order']>;
export type ImageSource = Schemas['ContainerImage']['source'];
export type Scaling = Schemas['ContinuousHyperparameter']['scaling'];
export type ColumnType = Schemas['ColumnSpec']['type'];

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

/**
 * `GET /entries` parameters (all optional): the server's, with `task` and
 * `framework` as the filters hold them (the server says when one is unknown).
 */
export type IEntryQuery = Omit<
  EntriesQuery,
  'kind' | 'data_type' | 'task' | 'framework' | 'order' | 'q' | 'cursor'
> & {
  kind?: Kind;
  data_type?: DataType;
  task?: string;
  framework?: string;
  order?: SortOrder;
  q?: string;
  cursor?: string;
};

export type IChoice = Schemas['Choice'];
export type IInstanceTypeInfo = Schemas['InstanceTypeInfo'];

/** `GET /options`: vocabularies with labels, for the forms and filters. */
export type IOptions = Schemas['Options'];

/** `GET /options` → `rules`: what the forms show instantly, served so it is never copied. */
export type IRules = Schemas['Rules'];
/** `rules.share.canvas`: which entries may be shared with SageMaker Canvas users. */
export type ICanvasRules = Schemas['CanvasRules'];
/** `rules.statuses`: the final statuses of what My launches polls, by launch kind. */
export type IStatusRules = Schemas['StatusRules'];
/** `rules.local_runs`: what a local run uses for what its request leaves out. */
export type ILocalRunRules = Schemas['LocalRunRules'];

/** `GET /s3` without `uri`: the buckets the credentials may list. */
export type IBucketList = Schemas['BucketList'];
export type IS3Bucket = Schemas['Bucket'];
/** A common prefix ("folder") directly under the listed prefix. */
export type IS3Folder = Schemas['S3Folder'];
/** An object directly under the listed prefix. */
export type IS3Object = Schemas['S3ObjectInfo'];
/** `GET /s3?uri=…`: one page (one S3 request) of a prefix. */
export type IS3Listing = Schemas['S3Listing'];
/** `GET /s3/exists?uri=…`. */
export type IS3Exists = Schemas['S3Exists'];

/**
 * The body of `POST /notebooks/share`: a workspace notebook and its basic
 * information (`s3_uri` omitted: the server's `share_notebooks_to`).
 */
export type IShareNotebookInput = Omit<
  Schemas['ShareNotebook'],
  'task' | 'framework' | 'training' | 'inference'
> & {
  /** As typed: the server says when it is not one of the vocabulary's. */
  task: string;
  framework: string;
};

/** `POST /entries/{id}/open`: where the copy was written. */
export type IOpenedNotebook = Schemas['OpenedNotebook'];

/** The body of `POST /validation-check`. */
export type IDatasetCheckInput = Schemas['DatasetCheckRequest'];

/** Do the training and validation CSV headers agree? */
export type IDatasetCheck = Schemas['DatasetCheck'];
