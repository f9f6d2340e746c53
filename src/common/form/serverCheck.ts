/**
 * The server's check of a form's value (a dry run of its request), and its
 * last verdict. Asked once typing pauses (`schedule`, debounced) or at once
 * (`now`); the newest request wins: an older one is aborted, its answer
 * ignored. A verdict's problems replace the form's (shownErrors.ts); its
 * warnings, and why the server could not check, are kept here.
 */
import { asApiError } from '../errors';
import { errorsOf, Loc } from './errors';
import type { ShownErrors } from './shownErrors';

/** How long typing pauses before the server is asked (ms). */
export const CHECK_DELAY = 300;

/** What a dry run that passed may say besides "ok". */
export interface IVerdict {
  warnings?: ReadonlyArray<string>;
}

export class ServerCheck<V> {
  constructor(options: ServerCheck.IOptions<V>) {
    this._validate = options.validate;
    this._delay = options.delay;
    this._value = options.value;
    this._resolve = options.resolve;
    this._shown = options.shown;
    this._changed = options.changed;
  }

  /** A check is waiting or on its way. */
  get pending(): boolean {
    return this._waiting || this._controller !== null;
  }

  /** The warnings of the last dry run that passed (they block nothing). */
  get warnings(): ReadonlyArray<string> {
    return this._warnings;
  }

  /** Why the server could not check (not a verdict: it blocks nothing). */
  get failure(): string {
    return this._failure;
  }

  /** The last dry run is about the value as it is, and found problems. */
  blocked(): boolean {
    return this._verdictFor === this._value() && this._shown.byPath.size > 0;
  }

  /** The problems are no verdict on the value as it is (a request's own). */
  forget(): void {
    this._verdictFor = null;
  }

  /** Ask about the value once typing pauses (no-op without `validate`). */
  schedule(): void {
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
      void this._run();
    }, this._delay);
  }

  /** Ask about the value now; resolves once its outcome is settled. */
  async now(): Promise<void> {
    if (this._validate === null || this._isDisposed) {
      return;
    }
    this._stopTimer();
    await this._run();
  }

  /** Drop a check still waiting or on its way. */
  cancel(): void {
    this._waiting = false;
    this._stopTimer();
    this._controller?.abort();
    this._controller = null;
  }

  /** No more checks: the one waiting or on its way is dropped. */
  dispose(): void {
    this._isDisposed = true;
    this.cancel();
  }

  private async _run(): Promise<void> {
    this._waiting = false;
    const validate = this._validate;
    if (validate === null || this._isDisposed) {
      return;
    }
    // The newest request wins: an older one is aborted, its answer ignored.
    this._controller?.abort();
    const controller = new AbortController();
    this._controller = controller;
    const value = this._value();
    this._changed();
    try {
      const verdict = await validate(value, controller.signal);
      if (this._controller !== controller || this._isDisposed) {
        return;
      }
      this._shown.byPath = new Map();
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
        this._shown.byPath = errorsOf(error.details, loc =>
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
    const current = this._value();
    if (value !== current) {
      // Typed meanwhile: keep only what is about fields that did not change.
      this._shown.keepUnchanged(value, current);
      this._verdictFor = null;
    }
    this._changed();
  }

  private _stopTimer(): void {
    if (this._timer !== null) {
      clearTimeout(this._timer);
      this._timer = null;
    }
  }

  private _changed: () => void;
  private _controller: AbortController | null = null;
  private _delay: number;
  private _failure = '';
  private _isDisposed = false;
  private _resolve: (loc: Loc, value: V) => Loc;
  private _shown: ShownErrors<V>;
  private _timer: ReturnType<typeof setTimeout> | null = null;
  private _validate: ServerCheck.Validate<V> | null;
  private _value: () => V;
  private _verdictFor: V | null = null;
  private _waiting = false;
  private _warnings: ReadonlyArray<string> = [];
}

export namespace ServerCheck {
  /**
   * The server's check of a value (a dry run): resolves when it passes,
   * rejects with the request's `ApiError` (a 400's details name the fields).
   */
  export type Validate<V> = (
    value: V,
    signal: AbortSignal
  ) => Promise<IVerdict | void>;

  export interface IOptions<V> {
    /** The check itself; `null`: no dry run (the request is the check). */
    validate: Validate<V> | null;
    /** How long typing pauses before the server is asked (ms). */
    delay: number;
    /** The form's value as it is now. */
    value: () => V;
    /** A detail's location made a field path (e.g. a name resolved to its row). */
    resolve: (loc: Loc, value: V) => Loc;
    /** The form's problems, which a verdict replaces. */
    shown: ShownErrors<V>;
    /** A request went out, or its verdict came in. */
    changed: () => void;
  }
}
