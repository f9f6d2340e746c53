/**
 * The server's field errors (`details: [{loc, msg}]`) on the wizard's fields.
 *
 * A detail's `loc` is a path in the request body (`["training", "channels",
 * 0, "uri"]`); the form uses the same paths, so most land as they are. A
 * `loc` that names no visible field (a list item inside a one-line field,
 * `training.tabular` as a whole…) moves up to the nearest field that shows;
 * what is left goes to the summary at the top of the wizard.
 */
import type { IErrorDetail } from '../api/types';
import type { IEntryForm, IKeyValueRow } from './form';

/** Problems by field path: `"training.channels.0.uri"` → message. */
export type FieldErrors = Map<string, string>;

/** A problem the wizard shows in its summary (no field to put it on). */
export interface IUnplacedError {
  path: string;
  msg: string;
}

/** `["training", "channels", 0, "uri"]` → `"training.channels.0.uri"`. */
export function pathOf(loc: ReadonlyArray<string | number>): string {
  return loc.map(String).join('.');
}

/**
 * Field errors from the server's details, by path; several problems of one
 * field are joined. Given the form, environment variables (an object in the
 * API, whose `loc` names the variable) are resolved to their table rows.
 */
export function fieldErrors(
  details: ReadonlyArray<IErrorDetail>,
  form?: IEntryForm
): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const detail of details) {
    const loc = form ? resolveEnvironment(detail.loc, form) : detail.loc;
    addError(errors, pathOf(loc), detail.msg);
  }
  return errors;
}

/** Add `msg` to the problems of `path` (once). */
export function addError(errors: FieldErrors, path: string, msg: string): void {
  const known = errors.get(path);
  if (known === undefined) {
    errors.set(path, msg);
  } else if (!known.split('; ').includes(msg)) {
    errors.set(path, `${known}; ${msg}`);
  }
}

/** The problem of one field, if any. */
export function errorFor(
  errors: ReadonlyMap<string, string>,
  path: string
): string | undefined {
  return errors.get(path);
}

/** Where a whole object's problem shows: on its main field. */
const ALIASES: Record<string, string> = {
  training: 'training.enabled',
  inference: 'inference.enabled',
  notebook: 'notebook.s3_uri',
  // POST /notebooks/share names its own fields at the top level.
  s3_uri: 'notebook.s3_uri',
  path: 'notebook.path',
  'training.image': 'training.image.uri',
  'inference.image': 'inference.image.uri',
  'training.tabular': 'training.tabular.columns'
};

/**
 * Errors split into those with a visible field (moved up to the nearest
 * visible ancestor path) and those without one (for the summary).
 */
export function placeErrors(
  errors: ReadonlyMap<string, string>,
  visible: ReadonlySet<string>
): { fields: FieldErrors; unplaced: IUnplacedError[] } {
  const fields: FieldErrors = new Map();
  const unplaced: IUnplacedError[] = [];
  for (const [path, msg] of errors) {
    const target = nearestField(path, visible);
    if (target === null) {
      unplaced.push({ path, msg });
    } else {
      addError(fields, target, msg);
    }
  }
  return { fields, unplaced };
}

function nearestField(
  path: string,
  visible: ReadonlySet<string>
): string | null {
  const parts = path.split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    const target = ALIASES[candidate] ?? candidate;
    if (visible.has(target)) {
      return target;
    }
    parts.pop();
  }
  return null;
}

/**
 * `["training", "environment", "MY VAR", "[key]"]` → the row of `MY VAR`'s
 * name; `[…, "MY_VAR"]` → its value; an unknown variable → the table.
 */
function resolveEnvironment(
  loc: ReadonlyArray<string | number>,
  form: IEntryForm
): ReadonlyArray<string | number> {
  const [section, field, key, ...rest] = loc;
  if (
    (section !== 'training' && section !== 'inference') ||
    field !== 'environment' ||
    typeof key !== 'string'
  ) {
    return loc;
  }
  const rows: IKeyValueRow[] = form[section].environment;
  const index = rows.findIndex(row => row.name.trim() === key);
  if (index < 0) {
    return [section, field];
  }
  return [section, field, index, rest[0] === '[key]' ? 'name' : 'value'];
}
