/**
 * Saving the wizard's form: create or replace the entry, and sort the
 * answer into what the wizard shows.
 */
import type { SharedModelsClient } from '../api';
import { ApiError } from '../request';
import type { IEntry } from '../types';
import { bodyFromForm } from './body';
import { fieldErrors, FieldErrors } from './errors';
import type { IEntryForm } from './form';

export type SaveOutcome =
  /** Saved: the entry as the server now has it. */
  | { status: 'saved'; entry: IEntry }
  /** 400: problems by field path (and the server's summary sentence). */
  | { status: 'invalid'; errors: FieldErrors; message: string }
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

/** Create the entry (no `target`) or replace it with If-Match (with one). */
export async function saveEntry(
  client: SharedModelsClient,
  form: IEntryForm,
  target?: IEditTarget | null
): Promise<SaveOutcome> {
  const body = bodyFromForm(form);
  try {
    const entry = target
      ? await client.replaceEntry(
          target.id,
          { ...body, id: target.id },
          target.version
        )
      : await client.createEntry(body);
    return { status: 'saved', entry };
  } catch (reason) {
    const error = asApiError(reason);
    switch (error.status) {
      case 400:
        return {
          status: 'invalid',
          errors: fieldErrors(error.details, form),
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
