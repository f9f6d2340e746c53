import { ServerConnection } from '@jupyterlab/services';

import type { ApiError } from '../api/request';
import type { IEntry, IEntryPage } from '../api/types';

/** A canned HTTP answer. */
export interface ICanned {
  status: number;
  body?: string;
  statusText?: string;
  contentType?: string;
}

/** JSON body helper. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * Server settings whose `fetch` answers from a queue of canned responses
 * (the last one repeats), recording every request it sees.
 */
export function cannedSettings(...answers: ICanned[]): {
  settings: ServerConnection.ISettings;
  requests: Request[];
  fetch: jest.Mock;
} {
  const requests: Request[] = [];
  const queue = [...answers];
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    requests.push(request);
    const answer = queue.length > 1 ? queue.shift()! : queue[0];
    if (!answer) {
      throw new TypeError('Failed to fetch');
    }
    return new Response(answer.status === 204 ? null : (answer.body ?? ''), {
      status: answer.status,
      statusText: answer.statusText ?? '',
      headers: { 'Content-Type': answer.contentType ?? 'application/json' }
    });
  });
  const settings = ServerConnection.makeSettings({
    baseUrl: 'http://localhost:8888/lab-base/',
    fetch: fetch as unknown as typeof window.fetch,
    token: 'secret-token'
  });
  return { settings, requests, fetch };
}

/** Wait until `predicate` holds (or fail after `timeout` ms). */
export async function waitFor(
  predicate: () => boolean,
  timeout = 2000
): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeout) {
      throw new Error('waitFor: timed out');
    }
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(
  promise: Promise<unknown>
): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('Expected the promise to reject');
}

/**
 * Server settings whose `fetch` answers each request with `route(url)`
 * (which may wait), recording every request it sees.
 */
export function routedSettings(
  route: (url: URL, request: Request) => ICanned | Promise<ICanned>
): {
  settings: ServerConnection.ISettings;
  requests: Request[];
  fetch: jest.Mock;
} {
  const requests: Request[] = [];
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    requests.push(request);
    const answer = await route(new URL(request.url), request);
    if (request.signal?.aborted) {
      throw new DOMException('The operation was aborted.', 'AbortError');
    }
    return new Response(answer.status === 204 ? null : (answer.body ?? ''), {
      status: answer.status,
      statusText: answer.statusText ?? '',
      headers: { 'Content-Type': answer.contentType ?? 'application/json' }
    });
  });
  const settings = ServerConnection.makeSettings({
    baseUrl: 'http://localhost:8888/lab-base/',
    fetch: fetch as unknown as typeof window.fetch,
    token: 'secret-token'
  });
  return { settings, requests, fetch };
}

/** The API path of a request URL: `entries`, `me`, … */
export function apiPath(url: URL): string {
  return url.pathname.replace(/^.*\/shared-models\/api\//, '');
}

/** A catalog entry for tests; override any field. */
export function makeEntry(overrides: Partial<IEntry> & { id: string }): IEntry {
  return {
    kind: 'model',
    title: overrides.id,
    description: '',
    data_type: 'text',
    task: 'text-classification',
    framework: 'pytorch',
    keywords: [],
    owner: 'alice',
    share: { organization: true, users: [], canvas_users: [] },
    training: null,
    inference: null,
    notebook: null,
    created_at: '2026-11-21T10:00:00Z',
    updated_at: '2026-11-21T10:00:00Z',
    version: 1,
    ...overrides
  };
}

/** A page of `GET /entries`. */
export function page(
  items: IEntry[],
  next_cursor: string | null = null,
  total = items.length,
  total_is_exact = true
): IEntryPage {
  return { items, next_cursor, total, total_is_exact };
}

/** Let pending promises and timers of 0 ms run. */
export function flush(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 0));
}
