/**
 * Saving the wizard's form: create or replace the entry, and sort the
 * answer into what the wizard shows.
 */
import type { SharedModelsClient } from '../api/catalog';
import { ApiError } from '../api/request';
import type { IEntry, IErrorDetail, IRules } from '../api/types';
import { bodyFromForm, shareBodyFromForm } from './body';
import type { IEntryForm } from './form';

export type SaveOutcome =
  /** Saved: the entry as the server now has it. */
  | { status: 'saved'; entry: IEntry }
  /** 400: the server's field details (and its summary sentence). */
  | {
      status: 'invalid';
      details: ReadonlyArray<IErrorDetail>;
      message: string;
    }
  /** 409: the ID is taken. */
  | { status: 'conflict'; message: string }
  /** 412: someone else changed the entry since it was loaded. */
  | { status: 'stale'; message: string }
  /** Anything else (403, 404, network, 5xx…). */
  | { status: 'failed'; error: ApiError };

/** What is being edited: the entry's ID and the version the edit started from. */
export interface IEditTarget {
  id: string;
  version: number;
}

/** How the request of a save goes out. */
export interface ISaveOptions {
  /** Sees the request as it leaves (e.g. to show its progress). */
  onRequest?: (request: Promise<IEntry>) => void;
}

/**
 * Create the entry (no `target`), replace it with If-Match (with one), or,
 * for "Share notebook…" (`form.notebook.path` set), upload the workspace
 * notebook and list it.
 */
export async function saveEntry(
  client: SharedModelsClient,
  form: IEntryForm,
  rules: IRules,
  target?: IEditTarget | null,
  options: ISaveOptions = {}
): Promise<SaveOutcome> {
  let request: Promise<IEntry>;
  if (target) {
    const body = bodyFromForm(form, rules);
    request = client.replaceEntry(
      target.id,
      { ...body, id: target.id },
      target.version
    );
  } else if (form.kind === 'notebook' && form.notebook.path !== undefined) {
    request = client.shareNotebook(shareBodyFromForm(form, rules));
  } else {
    request = client.createEntry(bodyFromForm(form, rules));
  }
  options.onRequest?.(request);
  try {
    const entry = await request;
    return { status: 'saved', entry };
  } catch (reason) {
    const error = asApiError(reason);
    switch (error.status) {
      case 400:
        return {
          status: 'invalid',
          details: error.details,
          message: error.message
        };
      case 409:
        return { status: 'conflict', message: error.message };
      case 412:
        return { status: 'stale', message: error.message };
      default:
        return { status: 'failed', error };
    }
  }
}

/** Any rejection as an `ApiError`. */
export function asApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) {
    return reason;
  }
  return new ApiError({
    status: 0,
    code: 'unexpected',
    message: reason instanceof Error ? reason.message : String(reason)
  });
}
