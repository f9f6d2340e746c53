/**
 * The state of a form, and the server's verdict on it.
 *
 * A form holds its value (as typed), which fields the user has touched,
 * whether a submit was tried, whether a request is on its way (`busy`,
 * `status`), and the server's field problems: those of the last dry run
 * (asked ~300 ms after the user stops typing, the newest request winning:
 * serverCheck.ts) and those of a save's 400. The rules are the server's
 * alone; this module only asks, keeps and places its answers (which show
 * where, and when: shownErrors.ts). The next verdict replaces them all.
 */
import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import type { IErrorDetail } from '../../api/types';
import { asApiError } from '../errors';
import {
  addError,
  describeUnplaced,
  errorsOf,
  FieldErrors,
  IUnplacedError,
  Loc
} from './errors';
import { CHECK_DELAY, ServerCheck } from './serverCheck';
import { IShownErrors, ShownErrors } from './shownErrors';

export class FormModel<V> implements IDisposable {
  constructor(options: FormModel.IOptions<V>) {
    this._value = options.value;
    this._shown = new ShownErrors(options);
    this._resolve = options.resolve ?? (loc => loc);
    this._check = new ServerCheck<V>({
      validate: options.validate ?? null,
      delay: options.delay ?? CHECK_DELAY,
      value: () => this._value,
      resolve: this._resolve,
      shown: this._shown,
      changed: () => this._emit()
    });
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
    return this._check.warnings;
  }

  /** A server check is waiting or on its way. */
  get checking(): boolean {
    return this._check.pending;
  }

  /** Why the server could not check (not a verdict: it blocks nothing). */
  get checkFailure(): string {
    return this._check.failure;
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
      this._shown.touched.add(path);
    }
    this._shown.keepUnchanged(before, this._value, named);
    this._cache = null;
    this.scheduleCheck();
    this._emit();
  }

  /** Start over from `value`: nothing touched, no problems. */
  reset(value: V): void {
    this._check.cancel();
    this._value = value;
    this._shown.initial = value;
    this._shown.touched.clear();
    this._submitted = false;
    this._shown.byPath = new Map();
    this._general = [];
    this._check.forget();
    this._emit();
  }

  /** The user left the field at `path`: its problem may show. */
  touch(path: string): void {
    if (!this._shown.touched.has(path)) {
      this._shown.touched.add(path);
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
    if (this._check.blocked()) {
      await this.checkNow();
      if (this._check.blocked()) {
        return false;
      }
    }
    this._check.cancel();
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
    this._check.cancel();
    this._shown.byPath = errorsOf(
      details,
      loc => this._resolve(loc, this._value),
      prefix
    );
    // A request's own answer: the next submit sends again (what the problems
    // are about may change outside the form).
    this._check.forget();
    this._emit();
  }

  /** One problem on one field (e.g. a 409 on the ID). */
  setFieldError(path: string, msg: string): void {
    const errors = new Map(this._shown.byPath);
    addError(errors, path, msg);
    this._shown.byPath = errors;
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
    this._check.schedule();
  }

  /** Ask the server about the value now; resolves once its verdict is applied. */
  async checkNow(): Promise<void> {
    await this._check.now();
  }

  /** Drop a check still waiting or on its way (e.g. its view is unmounted). */
  cancelCheck(): void {
    this._check.cancel();
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._check.dispose();
    Signal.clearData(this);
  }

  /** The problems placed on the fields shown now, and the rest. */
  private _placed(): IShownErrors {
    if (this._cache === null) {
      this._cache = this._shown.place(this._value, this._submitted);
    }
    return this._cache;
  }

  private _emit(): void {
    this._cache = null;
    if (!this._isDisposed) {
      this._changed.emit();
    }
  }

  private _busy = false;
  private _cache: IShownErrors | null = null;
  private _changed = new Signal<this, void>(this);
  private _check: ServerCheck<V>;
  private _general: string[] = [];
  private _isDisposed = false;
  private _resolve: (loc: Loc, value: V) => Loc;
  private _shown: ShownErrors<V>;
  private _status = '';
  private _submitted = false;
  private _value: V;
}

export namespace FormModel {
  export interface IOptions<V> extends ShownErrors.IOptions<V> {
    /** The server's dry run of a value (serverCheck.ts). */
    validate?: ServerCheck.Validate<V>;
    /** A detail's location made a field path (e.g. a name resolved to its row). */
    resolve?: (loc: Loc, value: V) => Loc;
    /** How long typing pauses before the server is asked (ms). */
    delay?: number;
  }
}
