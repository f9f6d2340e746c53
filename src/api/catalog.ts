import { ServerConnection } from '@jupyterlab/services';

import { requestAPI } from './request';
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
 * Always asked of the server, without the timestamp JupyterLab appends to GET
 * URLs under its default `no-store` (routes with strict query parameters
 * refuse that unknown parameter).
 */
const FRESH: RequestCache = 'no-cache';

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

  /** `GET /options`: vocabularies and instance types for forms and filters. */
  options(): Promise<IOptions> {
    return requestAPI<IOptions>(
      'options',
      { method: 'GET' },
      this.serverSettings
    );
  }

  /**
   * `GET /entries`: one page of the catalog.
   *
   * @param options.signal - aborts the request (e.g. when the query changed)
   */
  listEntries(
    query: IEntryQuery = {},
    options: SharedModelsClient.IRequestOptions = {}
  ): Promise<IEntryPage> {
    return requestAPI<IEntryPage>(
      `entries${Private.queryString({ ...query })}`,
      { method: 'GET', signal: options.signal },
      this.serverSettings
    );
  }

  /** `GET /entries/{id}`. */
  getEntry(id: string): Promise<IEntry> {
    return requestAPI<IEntry>(
      `entries/${encodeURIComponent(id)}`,
      { method: 'GET' },
      this.serverSettings
    );
  }

  /** `POST /entries`: share a new model or notebook. */
  createEntry(body: IEntryInput): Promise<IEntry> {
    return requestAPI<IEntry>(
      'entries',
      { method: 'POST', body: JSON.stringify(body) },
      this.serverSettings
    );
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
    return requestAPI<IEntry>(
      `entries/${encodeURIComponent(id)}`,
      {
        method: 'PUT',
        body: JSON.stringify(body),
        headers: { 'If-Match': `"${version}"` }
      },
      this.serverSettings
    );
  }

  /** `DELETE /entries/{id}` (owner only); `version` guards against stale deletes. */
  deleteEntry(id: string, version?: number): Promise<void> {
    const headers: Record<string, string> =
      version === undefined ? {} : { 'If-Match': `"${version}"` };
    return requestAPI<void>(
      `entries/${encodeURIComponent(id)}`,
      { method: 'DELETE', headers },
      this.serverSettings
    );
  }

  /** `GET /id-suggestions`: the ID a new entry with this title would get now. */
  async suggestId(title: string, kind: IEntryInput['kind']): Promise<string> {
    const reply = await requestAPI<{ id: string }>(
      `id-suggestions${Private.queryString({ title, kind })}`,
      { method: 'GET', cache: FRESH },
      this.serverSettings
    );
    return reply.id;
  }

  /** `GET /s3`: the buckets the server's AWS credentials may list. */
  listBuckets(
    options: SharedModelsClient.IRequestOptions = {}
  ): Promise<IBucketList> {
    return requestAPI<IBucketList>(
      's3',
      { method: 'GET', cache: FRESH, signal: options.signal },
      this.serverSettings
    );
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
    return requestAPI<IS3Listing>(
      `s3${Private.queryString({ uri, cursor, limit })}`,
      { method: 'GET', cache: FRESH, signal },
      this.serverSettings
    );
  }

  /** `GET /s3/exists`: is there an object at, or under, `uri`? */
  s3Exists(
    uri: string,
    options: SharedModelsClient.IRequestOptions = {}
  ): Promise<IS3Exists> {
    return requestAPI<IS3Exists>(
      `s3/exists${Private.queryString({ uri })}`,
      { method: 'GET', cache: FRESH, signal: options.signal },
      this.serverSettings
    );
  }

  /**
   * `POST /notebooks/share`: validate a workspace notebook, upload it to S3
   * and list it in the catalog.
   */
  shareNotebook(body: IShareNotebookInput): Promise<IEntry> {
    return requestAPI<IEntry>(
      'notebooks/share',
      { method: 'POST', body: JSON.stringify(body) },
      this.serverSettings
    );
  }

  /**
   * `POST /entries/{id}/open`: copy a shared notebook into the workspace
   * folder `directory` ('' is the root), under a name that is free.
   */
  openNotebook(id: string, directory = ''): Promise<IOpenedNotebook> {
    return requestAPI<IOpenedNotebook>(
      `entries/${encodeURIComponent(id)}/open`,
      { method: 'POST', body: JSON.stringify({ directory }) },
      this.serverSettings
    );
  }

  /** `POST /validation-check`: compare the CSV headers of two datasets. */
  checkDatasets(
    body: IDatasetCheckInput,
    options: SharedModelsClient.IRequestOptions = {}
  ): Promise<IDatasetCheck> {
    return requestAPI<IDatasetCheck>(
      'validation-check',
      { method: 'POST', body: JSON.stringify(body), signal: options.signal },
      this.serverSettings
    );
  }

  /** `POST /entries/{id}/validation-check`: the same, for a saved entry. */
  checkEntryDatasets(
    id: string,
    options: SharedModelsClient.IRequestOptions = {}
  ): Promise<IDatasetCheck> {
    return requestAPI<IDatasetCheck>(
      `entries/${encodeURIComponent(id)}/validation-check`,
      { method: 'POST', body: '{}', signal: options.signal },
      this.serverSettings
    );
  }
}

export namespace SharedModelsClient {
  export interface IOptions {
    /** Defaults to the page's server connection settings. */
    serverSettings?: ServerConnection.ISettings;
  }

  /** Per-call options. */
  export interface IRequestOptions {
    /** Abort the request (it then rejects with a network `ApiError`). */
    signal?: AbortSignal;
  }

  /** Options of `listS3`. */
  export interface IListS3Options extends IRequestOptions {
    /** `next_cursor` of the previous page. */
    cursor?: string | null;
    /** At most this many keys and folders (1–1000; the server's default 1000). */
    limit?: number;
  }
}

namespace Private {
  /** `?a=1&b=x` from the defined, non-empty values of `params`. */
  export function queryString(
    params: Record<string, string | number | boolean | undefined | null>
  ): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') {
        search.set(name, String(value));
      }
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  }
}
