import type { IDisposable } from '@lumino/disposable';

import { asApiError } from '../common/errors';

/** What the hint under an S3 URI field says. */
export type S3HintState =
  | { status: 'idle' }
  | { status: 'checking'; uri: string }
  | { status: 'found'; uri: string }
  | { status: 'missing'; uri: string }
  | { status: 'failed'; uri: string; reason: string };

/**
 * Checks, when an S3 URI field loses focus, whether anything is at the URI.
 *
 * Debounced: a check starts `delay` ms after the last `check()`, and a newer
 * `check()` replaces a waiting one. The newest answer wins: an answer for an
 * older request, or for a value the field no longer holds, is dropped.
 * Never blocks anything: the field's value is the user's.
 */
export class S3HintChecker implements IDisposable {
  constructor(options: S3HintChecker.IOptions) {
    this._exists = options.exists;
    this._onChange = options.onChange;
    this._delay = options.delay ?? S3HintChecker.DELAY;
  }

  get state(): S3HintState {
    return this._state;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * The field was left holding `uri`. `checkable` is false for an empty or
   * malformed value: the hint then says nothing (the field's own check
   * reports the problem).
   */
  check(uri: string, checkable: boolean): void {
    if (this._isDisposed) {
      return;
    }
    const value = uri.trim();
    if (!checkable || value === '') {
      this._cancel();
      this._set({ status: 'idle' });
      return;
    }
    const state = this._state;
    if (
      (state.status === 'found' || state.status === 'checking') &&
      state.uri === value
    ) {
      // Known to be there, or being asked: nothing new to learn.
      return;
    }
    this._cancel();
    if (this._state.status !== 'idle' && this._state.uri !== value) {
      this._set({ status: 'idle' });
    }
    const ticket = this._ticket;
    this._pending = value;
    this._timer = setTimeout(() => {
      this._timer = null;
      this._pending = null;
      void this._run(value, ticket);
    }, this._delay);
  }

  /**
   * The field's value changed: a hint about another value is dropped, and a
   * check still waiting or on its way is forgotten.
   */
  changed(uri: string): void {
    const value = uri.trim();
    if (this._pending !== null && this._pending !== value) {
      this._cancel();
    }
    const state = this._state;
    if (state.status !== 'idle' && state.uri !== value) {
      if (state.status === 'checking') {
        this._cancel();
      }
      this._set({ status: 'idle' });
    }
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._cancel();
  }

  private async _run(uri: string, ticket: number): Promise<void> {
    const controller = new AbortController();
    this._controller = controller;
    this._set({ status: 'checking', uri });
    let next: S3HintState;
    try {
      const exists = await this._exists(uri, controller.signal);
      next = exists ? { status: 'found', uri } : { status: 'missing', uri };
    } catch (reason) {
      next = { status: 'failed', uri, reason: asApiError(reason).message };
    }
    if (this._controller === controller) {
      this._controller = null;
    }
    if (ticket === this._ticket && !this._isDisposed) {
      this._set(next);
    }
  }

  /** Forget the waiting check and any answer on its way. */
  private _cancel(): void {
    this._ticket++;
    if (this._timer !== null) {
      clearTimeout(this._timer);
      this._timer = null;
    }
    this._pending = null;
    this._controller?.abort();
    this._controller = null;
    if (this._state.status === 'checking') {
      this._set({ status: 'idle' });
    }
  }

  private _set(state: S3HintState): void {
    const old = this._state;
    if (
      old.status === state.status &&
      (old as { uri?: string }).uri === (state as { uri?: string }).uri &&
      (old as { reason?: string }).reason ===
        (state as { reason?: string }).reason
    ) {
      return;
    }
    this._state = state;
    this._onChange(state);
  }

  private _controller: AbortController | null = null;
  private _delay: number;
  private _exists: (uri: string, signal: AbortSignal) => Promise<boolean>;
  private _isDisposed = false;
  private _onChange: (state: S3HintState) => void;
  /** The value a waiting (not yet started) check is for. */
  private _pending: string | null = null;
  private _state: S3HintState = { status: 'idle' };
  private _ticket = 0;
  private _timer: ReturnType<typeof setTimeout> | null = null;
}

export namespace S3HintChecker {
  export interface IOptions {
    /** Whether anything is at (or under) `uri`; rejects when it cannot tell. */
    exists: (uri: string, signal: AbortSignal) => Promise<boolean>;
    /** Called with every new state. */
    onChange: (state: S3HintState) => void;
    /** Milliseconds between leaving the field and asking (300). */
    delay?: number;
  }

  export const DELAY = 300;
}
