/**
 * The state of a form, and the server's verdict on it.
 *
 * A form holds its value (as typed), which fields the user has touched,
 * whether a submit was tried, whether a request is on its way (`busy`,
 * `status`), and the server's field problems: those of the last dry run
 * (asked ~300 ms after the user stops typing, the newest request winning)
 * and those of a save's 400. The rules are the server's alone; this module
 * only asks, keeps and places its answers.
 *
 * - A problem shows on its field once the field was touched or changed, and
 *   on every field after a submit; problems that name no visible field go to
 *   the form's summary (after a submit).
 * - A field's problem is kept until that field changes; the next verdict
 *   replaces them all.
 */
import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { ApiError } from '../../api/request';
import type { IErrorDetail } from '../../api/types';
import { asApiError } from '../errors';
import {
  addError,
  errorsOf,
  FieldErrors,
  IPlacementOptions,
  IUnplacedError,
  Loc,
  placeErrors,
  stripRoots
} from './errors';

/** How long typing pauses before the server is asked (ms). */
export const CHECK_DELAY = 300;

/** What a dry run that passed may say besides "ok". */
export interface IVerdict {
  warnings?: ReadonlyArray<string>;
}

export class FormModel<V> implements IDisposable {
  constructor(options: FormModel.IOptions<V>) {
    this._value = options.value;
    this._initial = options.value;
    this._validate = options.validate ?? null;
    this._fields = options.fields;
    this._placement = {
      aliases: options.aliases,
      describeMoved: options.describeMoved
    };
    this._resolve = options.resolve ?? (loc => loc);
    this._valueAt = options.valueAt ?? valueAt;
    this._delay = options.delay ?? CHECK_DELAY;
  }

  /** Emitted on every change of the value or of what the form shows. */
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
    this._emit();
  }

  /** What the form says about itself ("Starting training job…"). */
  get status(): string {
    return this._status;
  }
  set status(status: string) {
    this._status = status;
    this._emit();
  }

  /** A submit was tried: every problem shows. */
  get submitted(): boolean {
    return this._submitted;
  }

  /** Messages of the form as a whole (e.g. a 503), shown above its buttons. */
  get general(): ReadonlyArray<string> {
    return this._general;
  }
  set general(general: ReadonlyArray<string>) {
    this._general = [...general];
    this._emit();
  }

  /** The warnings of the last dry run that passed (they block nothing). */
  get warnings(): ReadonlyArray<string> {
    return this._warnings;
  }

  /** A server check is waiting or on its way. */
  get checking(): boolean {
    return this._waiting || this._controller !== null;
  }

  /** Why the server could not check (not a verdict: it blocks nothing). */
  get checkFailure(): string {
    return this._failure;
  }

  /** The problems shown now, by the path of the field they show on. */
  get errors(): FieldErrors {
    return this._placed().fields;
  }

  /** The problem shown on the field at `path`, if any. */
  errorOf(path: string): string | undefined {
    return this._placed().fields.get(path);
  }

  /** Problems that name no visible field (shown after a submit). */
  get unplaced(): ReadonlyArray<IUnplacedError> {
    return this._submitted ? this._placed().unplaced : [];
  }

  /**
   * What the form says above its buttons: its general messages, then the
   * problems that name no visible field.
   */
  get summary(): ReadonlyArray<string> {
    return [...this._general, ...this.unplaced.map(describeUnplaced)];
  }

  /**
   * Change the value. Problems of the fields that changed are gone (those at
   * `paths` — by default the keys of a patch — and those whose value
   * differs); `paths` count as touched. The server is asked about the new
   * value once typing pauses.
   */
  update(
    change: Partial<V> | ((value: V) => V),
    paths?: ReadonlyArray<string>
  ): void {
    const before = this._value;
    const named =
      paths ?? (typeof change === 'function' ? [] : Object.keys(change));
    this._value =
      typeof change === 'function' ? change(before) : { ...before, ...change };
    if (this._value === before) {
      return;
    }
    for (const path of named) {
      this._touched.add(path);
    }
    const kept = new Map<string, string>();
    for (const [path, msg] of this._server) {
      const edited = named.some(
        changed => path === changed || path.startsWith(`${changed}.`)
      );
      if (!edited && !this._changedAt(before, path)) {
        kept.set(path, msg);
      }
    }
    this._server = kept;
    this._cache = null;
    this.scheduleCheck();
    this._emit();
  }

  /** Start over from `value`: nothing touched, no problems. */
  reset(value: V): void {
    this._cancelCheck();
    this._value = value;
    this._initial = value;
    this._touched.clear();
    this._submitted = false;
    this._server = new Map();
    this._general = [];
    this._verdictFor = null;
    this._emit();
  }

  /** The user left the field at `path`: its problem may show. */
  touch(path: string): void {
    if (!this._touched.has(path)) {
      this._touched.add(path);
      this._emit();
    }
  }

  /**
   * A submit was tried: show every problem. Resolves false when the dry run
   * of the value as it is now finds problems (sending it would get the same
   * 400): a verdict with problems is asked again first, since what it is
   * about may have changed outside the form (a folder created…). Resolves
   * true otherwise — the request itself is the final check; a check still
   * waiting or on its way is dropped (the request supersedes it).
   */
  async submit(): Promise<boolean> {
    this._submitted = true;
    this._general = [];
    this._emit();
    if (this._blocked()) {
      await this.checkNow();
      if (this._blocked()) {
        return false;
      }
    }
    this._cancelCheck();
    return true;
  }

  /**
   * The server's 400 details (a save's or a launch's): each on its field,
   * the rest in the summary. `prefix` is put before each location (the body
   * of a request that is part of the form, e.g. `new_hub`).
   */
  setServerErrors(
    details: ReadonlyArray<IErrorDetail>,
    prefix: Loc = []
  ): void {
    this._cancelCheck();
    this._server = errorsOf(
      details,
      loc => this._resolve(loc, this._value),
      prefix
    );
    // A request's own answer: the next submit sends again (what the problems
    // are about may change outside the form).
    this._verdictFor = null;
    this._emit();
  }

  /** One problem on one field (e.g. a 409 on the ID). */
  setFieldError(path: string, msg: string): void {
    const errors = new Map(this._server);
    addError(errors, path, msg);
    this._server = errors;
    this._emit();
  }

  /**
   * Show a failed request: a 400's details on their fields; its message,
   * and the details that name no field, above the buttons.
   */
  showFailure(reason: unknown, prefix: Loc = []): void {
    const error = asApiError(reason);
    if (error.status === 400 && error.details.length > 0) {
      this.setServerErrors(error.details, prefix);
      // The message heads the problems the summary lists (`unplaced`).
      this.general = this._placed().unplaced.length > 0 ? [error.message] : [];
    } else {
      this.general = [error.message];
    }
  }

  /** Ask the server about the value once typing pauses (no-op without `validate`). */
  scheduleCheck(): void {
    if (this._validate === null || this._isDisposed) {
      return;
    }
    // Debounced: each change restarts the wait (a plain timer: in JupyterLab
    // 4.6 @lumino/polling's Debouncer, with its poll never started, did not fire).
    if (this._timer !== null) {
      clearTimeout(this._timer);
    }
    this._waiting = true;
    this._timer = setTimeout(() => {
      this._timer = null;
      void this._check();
    }, this._delay);
  }

  /** Ask the server about the value now; resolves once its verdict is applied. */
  async checkNow(): Promise<void> {
    if (this._validate === null || this._isDisposed) {
      return;
    }
    this._stopTimer();
    await this._check();
  }

  /** Drop a check still waiting or on its way (e.g. its view is unmounted). */
  cancelCheck(): void {
    this._cancelCheck();
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._cancelCheck();
    Signal.clearData(this);
  }

  private async _check(): Promise<void> {
    this._waiting = false;
    const validate = this._validate;
    if (validate === null || this._isDisposed) {
      return;
    }
    // The newest request wins: an older one is aborted, its answer ignored.
    this._controller?.abort();
    const controller = new AbortController();
    this._controller = controller;
    const value = this._value;
    this._emit();
    try {
      const verdict = await validate(value, controller.signal);
      if (this._controller !== controller || this._isDisposed) {
        return;
      }
      this._server = new Map();
      this._failure = '';
      this._warnings = [...(verdict?.warnings ?? [])];
      this._verdictFor = value;
    } catch (reason) {
      if (this._controller !== controller || this._isDisposed) {
        return;
      }
      const error = asApiError(reason);
      if (error.status === 400 && error.details.length > 0) {
        // A 400 carries no warnings: those of the last plan stay readable.
        this._server = errorsOf(error.details, loc =>
          this._resolve(loc, value)
        );
        this._failure = '';
        this._verdictFor = value;
      } else {
        // Not a verdict on the form (503, network): the submit will tell.
        this._failure = error.message;
      }
    } finally {
      if (this._controller === controller) {
        this._controller = null;
      }
    }
    if (value !== this._value) {
      // Typed meanwhile: keep only what is about fields that did not change.
      this._server = new Map(
        [...this._server].filter(([path]) => !this._changedAt(value, path))
      );
      this._verdictFor = null;
    }
    this._emit();
  }

  /**
   * The field of a problem's path changed since `before`: the value at the
   * path, or at the field it shows on (`s3_uri` shows on `notebook.s3_uri`).
   */
  private _changedAt(before: V, path: string): boolean {
    const alias = this._placement.aliases?.[path];
    return (
      this._valueAt(before, path) !== this._valueAt(this._value, path) ||
      (alias !== undefined &&
        this._valueAt(before, alias) !== this._valueAt(this._value, alias))
    );
  }

  /** The last dry run is about the value as it is, and found problems. */
  private _blocked(): boolean {
    return this._verdictFor === this._value && this._server.size > 0;
  }

  private _stopTimer(): void {
    if (this._timer !== null) {
      clearTimeout(this._timer);
      this._timer = null;
    }
  }

  private _cancelCheck(): void {
    this._waiting = false;
    this._stopTimer();
    this._controller?.abort();
    this._controller = null;
  }

  /** The problems placed on the fields shown now, and the rest. */
  private _placed(): {
    fields: Map<string, string>;
    unplaced: IUnplacedError[];
  } {
    if (this._cache !== null) {
      return this._cache;
    }
    const visible = this._fields(this._value);
    const placed = placeErrors(this._server, visible, this._placement);
    if (!this._submitted) {
      for (const path of [...placed.fields.keys()]) {
        const changed =
          this._valueAt(this._initial, path) !==
          this._valueAt(this._value, path);
        if (!changed && !this._touched.has(path)) {
          placed.fields.delete(path);
        }
      }
    }
    this._cache = placed;
    return placed;
  }

  private _emit(): void {
    this._cache = null;
    if (!this._isDisposed) {
      this._changed.emit();
    }
  }

  private _busy = false;
  private _cache: {
    fields: Map<string, string>;
    unplaced: IUnplacedError[];
  } | null = null;
  private _changed = new Signal<this, void>(this);
  private _controller: AbortController | null = null;
  private _delay: number;
  private _failure = '';
  private _fields: (value: V) => ReadonlySet<string>;
  private _general: string[] = [];
  private _initial: V;
  private _isDisposed = false;
  private _placement: IPlacementOptions;
  private _resolve: (loc: Loc, value: V) => Loc;
  private _server = new Map<string, string>();
  private _status = '';
  private _submitted = false;
  private _timer: ReturnType<typeof setTimeout> | null = null;
  private _touched = new Set<string>();
  private _validate:
    ((value: V, signal: AbortSignal) => Promise<IVerdict | void>) | null;
  private _value: V;
  private _valueAt: (value: V, path: string) => unknown;
  private _verdictFor: V | null = null;
  private _waiting = false;
  private _warnings: ReadonlyArray<string> = [];
}

export namespace FormModel {
  export interface IOptions<V> extends IPlacementOptions {
    /** The value the form starts with. */
    value: V;
    /**
     * The server's check of a value (a dry run): resolves when it passes,
     * rejects with the request's `ApiError` (a 400's details name the fields).
     */
    validate?: (value: V, signal: AbortSignal) => Promise<IVerdict | void>;
    /** The paths of the fields the form shows for a value (where problems land). */
    fields: (value: V) => ReadonlySet<string>;
    /** A detail's location made a field path (e.g. a name resolved to its row). */
    resolve?: (loc: Loc, value: V) => Loc;
    /**
     * The value at a field path, to tell which fields changed (default: the
     * path walked through the value's properties).
     */
    valueAt?: (value: V, path: string) => unknown;
    /** How long typing pauses before the server is asked (ms). */
    delay?: number;
  }
}

/** The value at `path` (`"training.channels.0.uri"`) of an object. */
export function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** An unplaced problem as one line: `"mystery: Extra inputs…"`. */
export function describeUnplaced(error: IUnplacedError): string {
  return error.path ? `${error.path}: ${error.msg}` : error.msg;
}

/**
 * A number as typed: a JSON number when it reads as one, else the text as
 * typed (the server then says what it expects).
 */
export function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return trimmed !== '' && Number.isFinite(value) ? value : trimmed;
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
