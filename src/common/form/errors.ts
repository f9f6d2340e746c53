/**
 * The server's field errors (`details: [{loc, msg}]`) keyed by the path they
 * name, and their placement onto the fields a form shows.
 *
 * A detail's `loc` is a path in the request body (`["training", "channels",
 * 0, "uri"]`); a form names its fields by the same paths
 * (`"training.channels.0.uri"`), so most details land as they are. One whose
 * path names no visible field (a list item inside a one-line field, a whole
 * object…) moves up to the nearest visible field; what is left goes to the
 * form's summary, one line each (`describeUnplaced`). The details of a
 * request that is part of a form go under its place there (`underPrefix`).
 */
import { ApiError } from '../../api/request';
import type { IErrorDetail } from '../../api/types';
import { asApiError } from '../errors';

/** Where a detail is: a `loc`, as the server gives it. */
export type Loc = ReadonlyArray<string | number>;

/** Problems by field path: `"training.channels.0.uri"` → message. */
export type FieldErrors = ReadonlyMap<string, string>;

/** A problem with no field to show it on (the form's summary lists it). */
export interface IUnplacedError {
  path: string;
  msg: string;
}

/** Locations a server may start a detail with that are no field (FastAPI style). */
const ROOTS = new Set(['body', 'query']);

/** `["training", "channels", 0, "uri"]` → `"training.channels.0.uri"`. */
export function pathOf(loc: Loc): string {
  return loc.map(String).join('.');
}

/** `loc` without the leading `body` / `query` parts that name no field. */
export function stripRoots(loc: Loc): Loc {
  let start = 0;
  while (start < loc.length && ROOTS.has(String(loc[start]))) {
    start++;
  }
  return loc.slice(start);
}

/** Add `msg` to the problems of `path` (once; several are joined by "; "). */
export function addError(
  errors: Map<string, string>,
  path: string,
  msg: string
): void {
  const known = errors.get(path);
  if (known === undefined) {
    errors.set(path, msg);
  } else if (!known.split('; ').includes(msg)) {
    errors.set(path, `${known}; ${msg}`);
  }
}

/** How details become paths and where they are shown. */
export interface IPlacementOptions {
  /**
   * Where a whole object's problem shows, by path: e.g. `training` on the
   * `training.enabled` switch.
   */
  aliases?: Readonly<Record<string, string>>;
  /**
   * Say where a detail moved up from was ("Item 2: …") — for fields that hold
   * a list or an object as one control.
   */
  describeMoved?: boolean;
}

/** Details by path (roots stripped, `prefix` put first). */
export function errorsOf(
  details: ReadonlyArray<IErrorDetail>,
  resolve: (loc: Loc) => Loc = loc => loc,
  prefix: Loc = []
): Map<string, string> {
  const errors = new Map<string, string>();
  for (const detail of details) {
    const loc = resolve([...prefix, ...stripRoots(detail.loc)]);
    addError(errors, pathOf(loc), detail.msg);
  }
  return errors;
}

/**
 * Errors split into those with a visible field (moved up to the nearest
 * visible path, or its alias) and those without one (for the summary).
 */
export function placeErrors(
  errors: FieldErrors,
  visible: ReadonlySet<string>,
  options: IPlacementOptions = {}
): { fields: Map<string, string>; unplaced: IUnplacedError[] } {
  const fields = new Map<string, string>();
  const unplaced: IUnplacedError[] = [];
  for (const [path, msg] of errors) {
    const target = nearestField(path, visible, options.aliases ?? {});
    if (target === null) {
      unplaced.push({ path, msg });
      continue;
    }
    const moved = options.describeMoved ? whereMoved(path, target.from) : '';
    addError(fields, target.field, moved ? `${moved}: ${msg}` : msg);
  }
  return { fields, unplaced };
}

/** The field a path's problem shows on, and the path it matched. */
function nearestField(
  path: string,
  visible: ReadonlySet<string>,
  aliases: Readonly<Record<string, string>>
): { field: string; from: string } | null {
  const parts = path.split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    const field = aliases[candidate] ?? candidate;
    if (visible.has(field)) {
      return { field, from: candidate };
    }
    parts.pop();
  }
  return null;
}

/** `entrypoint.1` placed on `entrypoint` → `"Item 2"`; '' when not moved. */
function whereMoved(path: string, from: string): string {
  if (path === from) {
    return '';
  }
  const where = path
    .slice(from.length + 1)
    .split('.')
    .map(part => (/^\d+$/.test(part) ? `item ${Number(part) + 1}` : part))
    .join(', ');
  return where.charAt(0).toUpperCase() + where.slice(1);
}

/** An unplaced problem as one line: `"mystery: Extra inputs…"`. */
export function describeUnplaced(error: IUnplacedError): string {
  return error.path ? `${error.path}: ${error.msg}` : error.msg;
}

/** The same failure, its details' locations put under `prefix`. */
export function underPrefix(reason: unknown, prefix: Loc): ApiError {
  const error = asApiError(reason);
  return new ApiError({
    status: error.status,
    code: error.code,
    message: error.message,
    details: error.details.map(detail => ({
      loc: [...prefix, ...stripRoots(detail.loc)],
      msg: detail.msg
    }))
  });
}
