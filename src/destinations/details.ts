/**
 * Where the server's field details land on a destination form. The server
 * owns every rule; this only moves a detail to the field it is about.
 */
import { asApiError } from '../common/errors';
import { fieldKey, type FieldErrors } from '../launch/form';
import { ApiError } from '../api/request';
import type { IErrorDetail } from '../api/types';

/** Locations the server may start a detail with that name no field. */
const ROOTS = new Set(['body', 'query']);

/**
 * A detail moved onto the longest form key its location starts with
 * (`entrypoint.1` → `entrypoint`, "Item 2: …"); `prefix` is put before the
 * location first (the body of `POST /hubs` is the form's `new_hub`).
 */
export function normaliseDetail(
  detail: IErrorDetail,
  keys: ReadonlyArray<string>,
  prefix: ReadonlyArray<string> = []
): IErrorDetail {
  const loc = [...detail.loc];
  while (loc.length > 0 && ROOTS.has(String(loc[0]))) {
    loc.shift();
  }
  const full = [...prefix, ...loc];
  for (let length = full.length; length > 0; length--) {
    const key = fieldKey(full.slice(0, length));
    if (keys.includes(key)) {
      const rest = full.slice(length);
      const where = rest
        .map(part => (typeof part === 'number' ? `item ${part + 1}` : part))
        .join(', ');
      return {
        loc: full.slice(0, length),
        msg: where ? `${capitalise(where)}: ${detail.msg}` : detail.msg
      };
    }
  }
  return { loc: full, msg: detail.msg };
}

/** An API failure whose details name the form's fields. */
export function normaliseError(
  reason: unknown,
  keys: ReadonlyArray<string>,
  prefix: ReadonlyArray<string> = []
): ApiError {
  const error = asApiError(reason);
  if (error.details.length === 0) {
    return error;
  }
  return new ApiError({
    status: error.status,
    code: error.code,
    message: error.message,
    details: error.details.map(detail => normaliseDetail(detail, keys, prefix))
  });
}

/** Field problems and the rest, from normalised details. */
export function splitDetails(
  details: ReadonlyArray<IErrorDetail>,
  keys: ReadonlyArray<string>
): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const detail of details) {
    const key = fieldKey(detail.loc);
    if (keys.includes(key)) {
      fields[key] = key in fields ? `${fields[key]} ${detail.msg}` : detail.msg;
    } else {
      general.push(
        detail.loc.length > 0 ? `${key}: ${detail.msg}` : detail.msg
      );
    }
  }
  return { fields, general };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
