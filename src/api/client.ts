/**
 * What every typed client of the Shared models API shares: routes with
 * encoded segments, query strings, JSON bodies, `If-Match` versions. Each
 * resource group's client (`catalog.ts`, `launches.ts`, `destinations.ts`)
 * extends `ApiClient`, so each of its methods is one line of intent.
 */
import { ServerConnection } from '@jupyterlab/services';

import { requestAPI } from './request';

/** Per-call options. */
export interface IRequestOptions {
  /** Abort the request (it then rejects with a network `ApiError`). */
  signal?: AbortSignal;
}

/** The values of a query string; unset and empty ones are left out. */
export type QueryParams = Record<
  string,
  string | number | boolean | undefined | null
>;

/** Options of a request that writes (`POST`, `PUT`, `DELETE`). */
export interface IWriteOptions extends IRequestOptions {
  /** Appended as a query string (e.g. `{dry_run: true}`). */
  query?: QueryParams;
  /**
   * The version the change starts from, sent as `If-Match: "<version>"`:
   * the server answers 412 when the resource changed since.
   */
  version?: number;
}

/** `?a=1&b=x` from the defined, non-empty values of `params`. */
export function queryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A body without its unset and empty-string fields (the server's defaults apply). */
export function withoutEmpty<T extends object>(body: T): Partial<T> {
  const result: Partial<T> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined && value !== null && value !== '') {
      (result as Record<string, unknown>)[key] = value;
    }
  }
  return result;
}

/**
 * A route from its segments, each URL-encoded: `route('entries', id,
 * 'open')` is `entries/<id>/open` whatever the id holds.
 */
export function route(...segments: string[]): string {
  return segments.map(encodeURIComponent).join('/');
}

/**
 * Always asked of the server, without the timestamp JupyterLab appends to
 * GET URLs under its default `no-store` (routes with strict query parameters
 * refuse that unknown parameter).
 */
const FRESH: RequestCache = 'no-cache';

/**
 * The base of the typed clients: one `requestAPI` call per verb. Every
 * method rejects with an `ApiError` (see `request.ts`).
 */
export abstract class ApiClient {
  constructor(serverSettings?: ServerConnection.ISettings) {
    this.serverSettings = serverSettings ?? ServerConnection.makeSettings();
  }

  /** The connection settings used for every call. */
  readonly serverSettings: ServerConnection.ISettings;

  /** `GET path?query`, always asked of the server. */
  protected get<T>(
    path: string,
    query: QueryParams = {},
    options: IRequestOptions = {}
  ): Promise<T> {
    return requestAPI<T>(
      `${path}${queryString(query)}`,
      { method: 'GET', cache: FRESH, signal: options.signal },
      this.serverSettings
    );
  }

  /** `POST path` with a JSON body. */
  protected post<T>(
    path: string,
    body: object = {},
    options: IWriteOptions = {}
  ): Promise<T> {
    return this._write<T>('POST', path, body, options);
  }

  /** `PUT path` with a JSON body. */
  protected put<T>(
    path: string,
    body: object,
    options: IWriteOptions = {}
  ): Promise<T> {
    return this._write<T>('PUT', path, body, options);
  }

  /** `DELETE path`. */
  protected delete<T = void>(
    path: string,
    options: IWriteOptions = {}
  ): Promise<T> {
    return this._write<T>('DELETE', path, null, options);
  }

  private _write<T>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: object | null,
    options: IWriteOptions
  ): Promise<T> {
    const { query, version, signal } = options;
    const headers: Record<string, string> =
      version === undefined ? {} : { 'If-Match': `"${version}"` };
    return requestAPI<T>(
      `${path}${queryString(query)}`,
      {
        method,
        headers,
        signal,
        ...(body === null ? {} : { body: JSON.stringify(body) })
      },
      this.serverSettings
    );
  }
}
