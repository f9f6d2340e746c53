import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

import { API_BASE_PATH } from '../tokens';
import type { IErrorDetail } from './types';

/**
 * An error answered by (or on the way to) the Shared models server API.
 *
 * Every failure of `requestAPI` is an `ApiError`, so callers and views need
 * one `catch` shape: `status` (0 when the server could not be reached),
 * the API's machine `code`, a human `message` and field-level `details`.
 */
export class ApiError extends Error {
  constructor(options: ApiError.IOptions) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details ?? [];
  }

  /** The HTTP status; 0 for a network failure. */
  readonly status: number;

  /** The API's machine code, e.g. `invalid`, `not_found`, `upstream`. */
  readonly code: string;

  /** Field-level problems (for `invalid`), pydantic style. */
  readonly details: ReadonlyArray<IErrorDetail>;
}

export namespace ApiError {
  export interface IOptions {
    status: number;
    code: string;
    message: string;
    details?: IErrorDetail[];
  }

  /** Code used when the server could not be reached at all. */
  export const NETWORK_CODE = 'network_error';

  /** Code used when a successful answer is not the JSON the API promises. */
  export const INVALID_RESPONSE_CODE = 'invalid_response';
}

/**
 * Call the Shared models REST API.
 *
 * @param endPoint - path under `<base_url>/shared-models/api/`, with any query string
 * @param init - fetch options (method, body, headers…)
 * @param settings - server connection settings (defaults to the page's)
 * @returns the parsed JSON body, or `undefined` for an empty answer (204)
 * @throws {ApiError} for every failure: HTTP error, network error, bad body
 */
export async function requestAPI<T>(
  endPoint = '',
  init: RequestInit = {},
  settings: ServerConnection.ISettings = ServerConnection.makeSettings()
): Promise<T> {
  const url = URLExt.join(settings.baseUrl, API_BASE_PATH, endPoint);

  let response: Response;
  try {
    response = await ServerConnection.makeRequest(url, init, settings);
  } catch (error) {
    throw new ApiError({
      status: 0,
      code: ApiError.NETWORK_CODE,
      message: `Cannot reach the Jupyter server: ${(error as Error).message}`
    });
  }

  const text = await response.text();
  const body = Private.parseJSON(text);

  if (!response.ok) {
    throw Private.toApiError(response, body);
  }
  if (text.trim() === '') {
    return undefined as T;
  }
  if (body === Private.NOT_JSON) {
    throw new ApiError({
      status: response.status,
      code: ApiError.INVALID_RESPONSE_CODE,
      message: `The server answered HTTP ${response.status} with a body that is not JSON.`
    });
  }
  return body as T;
}

namespace Private {
  /** Marks a body that is present but does not parse as JSON. */
  export const NOT_JSON = Symbol('not-json');

  export function parseJSON(text: string): unknown {
    if (text.trim() === '') {
      return undefined;
    }
    try {
      return JSON.parse(text);
    } catch {
      return NOT_JSON;
    }
  }

  /** Machine codes of the REST API's errors, for error answers that carry none. */
  const CODES: { [status: number]: string } = {
    400: 'invalid',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    412: 'precondition_failed',
    413: 'too_large',
    428: 'precondition_required',
    502: 'upstream',
    503: 'unavailable'
  };

  function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  function toDetails(value: unknown): IErrorDetail[] {
    if (!Array.isArray(value)) {
      return [];
    }
    return value.filter(isRecord).map(item => ({
      loc: Array.isArray(item.loc)
        ? item.loc.filter(
            (part): part is string | number =>
              typeof part === 'string' || typeof part === 'number'
          )
        : [],
      msg: typeof item.msg === 'string' ? item.msg : String(item.msg ?? '')
    }));
  }

  /** A readable sentence for an error answer that says nothing itself. */
  function fallbackMessage(response: Response): string {
    const status = `HTTP ${response.status}${
      response.statusText ? ` ${response.statusText}` : ''
    }`;
    if (response.status === 404) {
      return `Not found (${status}). Is the shared_models_ext server extension enabled?`;
    }
    if (response.status === 403) {
      return `Not allowed (${status}). Your Jupyter session may have expired: reload the page.`;
    }
    if (response.status >= 500) {
      return `The server could not answer (${status}). Try again later.`;
    }
    return `The request failed (${status}).`;
  }

  export function toApiError(response: Response, body: unknown): ApiError {
    const status = response.status;
    const code = CODES[status] ?? `http_${status}`;
    // The API's own shape: {"error": {"code", "message", "details"}}.
    if (isRecord(body) && isRecord(body.error)) {
      const error = body.error;
      return new ApiError({
        status,
        code: typeof error.code === 'string' ? error.code : code,
        message:
          typeof error.message === 'string' && error.message
            ? error.message
            : fallbackMessage(response),
        details: toDetails(error.details)
      });
    }
    // jupyter-server's own shape (e.g. its 403): {"message": "...", "reason": ...}.
    if (isRecord(body) && typeof body.message === 'string' && body.message) {
      return new ApiError({ status, code, message: body.message });
    }
    return new ApiError({ status, code, message: fallbackMessage(response) });
  }
}
