import type { ServerConnection } from '@jupyterlab/services';

import { ApiClient, IRequestOptions, route } from './client';
import type {
  IBucketList,
  IDatasetCheck,
  IDatasetCheckInput,
  IEntry,
  IEntryInput,
  IEntryPage,
  IEntryQuery,
  IMe,
  IOpenedNotebook,
  IOptions,
  IS3Exists,
  IS3Listing,
  IShareNotebookInput
} from './types';

/**
 * The typed client of the catalog routes of the Shared models REST API:
 * entries, the user, vocabularies, S3 and notebooks. One method per route.
 *
 * Every method rejects with an `ApiError` (see `request.ts`).
 */
export class SharedModelsClient extends ApiClient {
  constructor(options: SharedModelsClient.IOptions = {}) {
    super(options.serverSettings);
  }

  /** `GET /me`: the signed-in catalog user. */
  me(): Promise<IMe> {
    return this.get('me');
  }

  /** `GET /options`: vocabularies and instance types for forms and filters. */
  options(): Promise<IOptions> {
    return this.get('options');
  }

  /**
   * `GET /entries`: one page of the catalog.
   *
   * @param options.signal - aborts the request (e.g. when the query changed)
   */
  listEntries(
    query: IEntryQuery = {},
    options: IRequestOptions = {}
  ): Promise<IEntryPage> {
    return this.get('entries', { ...query }, options);
  }

  /** `GET /entries/{id}`. */
  getEntry(id: string): Promise<IEntry> {
    return this.get(route('entries', id));
  }

  /** `POST /entries`: share a new model or notebook. */
  createEntry(body: IEntryInput): Promise<IEntry> {
    return this.post('entries', body);
  }

  /**
   * `PUT /entries/{id}`: replace an entry the user owns.
   *
   * `version` is the version the edit started from; the server answers 412
   * (an `ApiError` with code `precondition_failed`) when someone changed it since.
   */
  replaceEntry(
    id: string,
    body: IEntryInput,
    version: number
  ): Promise<IEntry> {
    return this.put(route('entries', id), body, { version });
  }

  /** `DELETE /entries/{id}` (owner only); `version` guards against stale deletes. */
  deleteEntry(id: string, version?: number): Promise<void> {
    return this.delete(route('entries', id), { version });
  }

  /** `GET /id-suggestions`: the ID a new entry with this title would get now. */
  async suggestId(title: string, kind: IEntryInput['kind']): Promise<string> {
    return (await this.get<{ id: string }>('id-suggestions', { title, kind }))
      .id;
  }

  /** `GET /s3`: the buckets the server's AWS credentials may list. */
  listBuckets(options: IRequestOptions = {}): Promise<IBucketList> {
    return this.get('s3', {}, options);
  }

  /**
   * `GET /s3?uri=…`: one page of the folders and objects directly under a
   * prefix (one S3 request; pass `next_cursor` back for the next page).
   */
  listS3(
    uri: string,
    options: SharedModelsClient.IListS3Options = {}
  ): Promise<IS3Listing> {
    const { cursor, limit, signal } = options;
    return this.get('s3', { uri, cursor, limit }, { signal });
  }

  /** `GET /s3/exists`: is there an object at, or under, `uri`? */
  s3Exists(uri: string, options: IRequestOptions = {}): Promise<IS3Exists> {
    return this.get('s3/exists', { uri }, options);
  }

  /**
   * `POST /notebooks/share`: validate a workspace notebook, upload it to S3
   * and list it in the catalog.
   */
  shareNotebook(body: IShareNotebookInput): Promise<IEntry> {
    return this.post('notebooks/share', body);
  }

  /**
   * `POST /entries/{id}/open`: copy a shared notebook into the workspace
   * folder `directory` ('' is the root), under a name that is free.
   */
  openNotebook(id: string, directory = ''): Promise<IOpenedNotebook> {
    return this.post(route('entries', id, 'open'), { directory });
  }

  /** `POST /validation-check`: compare the CSV headers of two datasets. */
  checkDatasets(
    body: IDatasetCheckInput,
    options: IRequestOptions = {}
  ): Promise<IDatasetCheck> {
    return this.post('validation-check', body, options);
  }

  /** `POST /entries/{id}/validation-check`: the same, for a saved entry. */
  checkEntryDatasets(
    id: string,
    options: IRequestOptions = {}
  ): Promise<IDatasetCheck> {
    return this.post(route('entries', id, 'validation-check'), {}, options);
  }
}

export namespace SharedModelsClient {
  export interface IOptions {
    /** Defaults to the page's server connection settings. */
    serverSettings?: ServerConnection.ISettings;
  }

  /** Options of `listS3`. */
  export interface IListS3Options extends IRequestOptions {
    /** `next_cursor` of the previous page. */
    cursor?: string | null;
    /** At most this many keys and folders (1–1000; the server's default 1000). */
    limit?: number;
  }
}
