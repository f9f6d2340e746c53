import { ServerConnection } from '@jupyterlab/services';

import { requestAPI } from './request';
import type {
  IEntry,
  IEntryInput,
  IEntryPage,
  IEntryQuery,
  IMe,
  IOptions
} from './types';

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
      { method: 'GET' },
      this.serverSettings
    );
    return reply.id;
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
