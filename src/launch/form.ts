/**
 * The state of a launch form (Train, Deploy): the values, which fields the
 * user has touched, the server's last verdict, and whether a request is on
 * its way. Client-side problems show on touched fields (and on all of them
 * after a submit); the server's problems stay on their field until it changes.
 */
import { ISignal, Signal } from '@lumino/signaling';

import type { IErrorDetail } from '../api/types';

/** Problems by field key (`job_name`, `hyperparameters.epochs`, …). */
export type FieldErrors = Record<string, string>;

/** The field key of a server detail's `loc`: `["hyperparameters", "lr"]` → `hyperparameters.lr`. */
export function fieldKey(loc: ReadonlyArray<string | number>): string {
  return loc.map(String).join('.');
}

/**
 * Split a 400's details into those of the form's fields (by key) and the
 * rest (shown above the buttons).
 */
export function placeDetails(
  details: ReadonlyArray<IErrorDetail>,
  keys: ReadonlyArray<string>
): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const detail of details) {
    const key = fieldKey(detail.loc);
    if (keys.includes(key) && !(key in fields)) {
      fields[key] = detail.msg;
    } else {
      general.push(
        detail.loc.length > 0
          ? `${fieldKey(detail.loc)}: ${detail.msg}`
          : detail.msg
      );
    }
  }
  return { fields, general };
}

export class FormState<V extends object> {
  constructor(options: FormState.IOptions<V>) {
    this._value = options.value;
    this._check = options.check;
  }

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get value(): V {
    return this._value;
  }

  /** A request is on its way: the form is read-only. */
  get busy(): boolean {
    return this._busy;
  }
  set busy(busy: boolean) {
    this._busy = busy;
    this._changed.emit();
  }

  /** What the form says about itself ("Starting training job…"). */
  get status(): string {
    return this._status;
  }
  set status(status: string) {
    this._status = status;
    this._changed.emit();
  }

  /** Problems that belong to no field (and failures such as 503). */
  get general(): ReadonlyArray<string> {
    return this._general;
  }

  /** Every client-side problem, shown or not. */
  get problems(): FieldErrors {
    return this._check(this._value);
  }

  /** The problems to show now, by field key. */
  get errors(): FieldErrors {
    const shown: FieldErrors = {};
    for (const [key, message] of Object.entries(this.problems)) {
      if (this._submitted || this._touched.has(key)) {
        shown[key] = message;
      }
    }
    return { ...shown, ...this._server };
  }

  /** Change fields; their server problems are gone, they count as touched. */
  update(
    patch: Partial<V>,
    keys: ReadonlyArray<string> = Object.keys(patch)
  ): void {
    this._value = { ...this._value, ...patch };
    for (const key of keys) {
      this._touched.add(key);
      delete this._server[key];
    }
    this._changed.emit();
  }

  /** The user left a field: its problem may show. */
  touch(key: string): void {
    if (!this._touched.has(key)) {
      this._touched.add(key);
      this._changed.emit();
    }
  }

  /** A submit was tried: show every problem. True when there is none. */
  submit(): boolean {
    this._submitted = true;
    this._general = [];
    this._changed.emit();
    return Object.keys(this.problems).length === 0;
  }

  /** The server's problems: on their fields, the rest above the buttons. */
  setServerErrors(fields: FieldErrors, general: ReadonlyArray<string>): void {
    this._server = { ...fields };
    this._general = [...general];
    this._changed.emit();
  }

  private _busy = false;
  private _changed = new Signal<this, void>(this);
  private _check: (value: V) => FieldErrors;
  private _general: string[] = [];
  private _server: FieldErrors = {};
  private _status = '';
  private _submitted = false;
  private _touched = new Set<string>();
  private _value: V;
}

export namespace FormState {
  export interface IOptions<V> {
    value: V;
    /** The client-side problems of a value, by field key. */
    check: (value: V) => FieldErrors;
  }
}
