/**
 * The server's verdict on a form while the user types: a debounced
 * `?dry_run=true` request, its field problems (a 400's details) and its
 * warnings. Nothing here knows a rule; the server says what is wrong.
 */
import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { asApiError } from '../common/errors';
import type { FieldErrors } from '../launch/form';
import { normaliseError, splitDetails } from './details';

/** How long typing pauses before the server is asked (ms). */
export const LIVE_CHECK_DELAY = 400;

export interface ILiveVerdict {
  warnings: ReadonlyArray<string>;
}

export class LiveCheck<B> implements IDisposable {
  constructor(options: LiveCheck.IOptions<B>) {
    this._check = options.check;
    this._keys = options.keys;
    this._delay = options.delay ?? LIVE_CHECK_DELAY;
  }

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** The last verdict's field problems, by field key. */
  get problems(): FieldErrors {
    return this._problems;
  }

  /** The last verdict's problems that name no field. */
  get general(): ReadonlyArray<string> {
    return this._general;
  }

  /**
   * The warnings of the last request the server could plan (e.g. an image
   * Clean Rooms ML cannot pull).
   */
  get warnings(): ReadonlyArray<string> {
    return this._warnings;
  }

  /** Why the server could not check (not a verdict: it blocks nothing). */
  get failure(): string {
    return this._failure;
  }

  /** A check is waiting or on its way. */
  get pending(): boolean {
    return this._timer !== null || this._controller !== null;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Ask the server about `body` once typing pauses. */
  schedule(body: B): void {
    if (this._isDisposed) {
      return;
    }
    this._cancelTimer();
    this._latest = body;
    this._timer = setTimeout(() => {
      this._timer = null;
      void this._run(body);
    }, this._delay);
    this._changed.emit();
  }

  /** Ask the server about `body` now; resolves with its verdict applied. */
  flush(body: B): Promise<void> {
    this._cancelTimer();
    this._latest = body;
    return this._run(body);
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._cancelTimer();
    this._controller?.abort();
    this._controller = null;
    Signal.clearData(this);
  }

  private async _run(body: B): Promise<void> {
    this._controller?.abort();
    const controller = new AbortController();
    this._controller = controller;
    this._changed.emit();
    try {
      const verdict = await this._check(body, controller.signal);
      if (controller.signal.aborted || this._isDisposed) {
        return;
      }
      this._problems = {};
      this._general = [];
      this._failure = '';
      this._warnings = [...verdict.warnings];
    } catch (reason) {
      if (controller.signal.aborted || this._isDisposed) {
        return;
      }
      const keys = this._keys();
      const error = normaliseError(reason, keys);
      if (error.status === 400 && error.details.length > 0) {
        const placed = splitDetails(error.details, keys);
        this._problems = placed.fields;
        this._general = placed.general;
        this._failure = '';
        // A 400 carries no warnings: those of the last plan the server
        // could make (they depend on the role's account) stay readable.
      } else {
        // Not a verdict on the form (503, network): the submit will tell.
        this._failure = asApiError(reason).message;
      }
    } finally {
      if (this._controller === controller) {
        this._controller = null;
      }
    }
    if (!this._isDisposed && body === this._latest) {
      this._changed.emit();
    }
  }

  private _cancelTimer(): void {
    if (this._timer !== null) {
      clearTimeout(this._timer);
      this._timer = null;
    }
  }

  private _changed = new Signal<this, void>(this);
  private _check: (body: B, signal: AbortSignal) => Promise<ILiveVerdict>;
  private _controller: AbortController | null = null;
  private _delay: number;
  private _failure = '';
  private _general: ReadonlyArray<string> = [];
  private _isDisposed = false;
  private _keys: () => ReadonlyArray<string>;
  private _latest: B | null = null;
  private _problems: FieldErrors = {};
  private _timer: ReturnType<typeof setTimeout> | null = null;
  private _warnings: ReadonlyArray<string> = [];
}

export namespace LiveCheck {
  export interface IOptions<B> {
    /** The dry run: resolves with warnings, rejects with a 400's details. */
    check: (body: B, signal: AbortSignal) => Promise<ILiveVerdict>;
    /** The form's field keys (where details land). */
    keys: () => ReadonlyArray<string>;
    delay?: number;
  }
}
