/**
 * A local run as its view follows it: the status and the log, both asked
 * for about once a second (a `@lumino/polling` Poll) while the run runs.
 * When it has ended the log is read to its end once more, then polling stops.
 */
import type { IDisposable } from '@lumino/disposable';
import { Poll } from '@lumino/polling';
import { ISignal, Signal } from '@lumino/signaling';

import { asApiError } from '../common/errors';
import type { LaunchClient } from '../api/launches';
import type { IPollState } from '../common/statusPoll';
import { ILocalRunStatus, isFinalLocalRunStatus } from './types';

export const LOCAL_RUN_INTERVAL = 1000;
/** Reads per tick while the run runs, as long as the server says there is more. */
const MAX_READS_PER_TICK = 8;
/** Once the run has ended, reads per tick until the log is complete. */
const MAX_FINAL_READS_PER_TICK = 64;

export class LocalRunModel implements IDisposable {
  constructor(options: LocalRunModel.IOptions) {
    this.runId = options.runId;
    this._client = options.client;
    this._poll = new Poll({
      name: `shared-models:local-run:${options.runId}`,
      auto: false,
      factory: () => this._serialTick(),
      frequency: {
        interval: options.interval ?? LOCAL_RUN_INTERVAL,
        backoff: true,
        max: 10 * (options.interval ?? LOCAL_RUN_INTERVAL)
      },
      standby: 'never'
    });
  }

  readonly runId: string;

  /** Emitted on every change of `state`. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** New text of the log, in order, each piece once. */
  get logReceived(): ISignal<this, string> {
    return this._logReceived;
  }

  get state(): IPollState<ILocalRunStatus> {
    return this._state;
  }

  /** The log has been read to its end and the run is over. */
  get logComplete(): boolean {
    return this._logComplete;
  }

  get isDisposed(): boolean {
    return this._poll.isDisposed && this._isDisposed;
  }

  /** Start (or resume) polling, asking now. */
  async refresh(): Promise<void> {
    if (this._isDisposed) {
      return;
    }
    this._set({ stopped: false });
    if (!this._started) {
      this._started = true;
      await this._poll.start();
    } else {
      await this._poll.refresh();
    }
    await this._poll.tick.catch(() => undefined);
  }

  /** Show a status the caller already has (e.g. the answer of Stop). */
  set(value: ILocalRunStatus): void {
    this._set({ value, error: null });
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._abort.abort();
    this._poll.dispose();
    this._state = { ...this._state, stopped: true, loading: false };
    Signal.clearData(this);
  }

  /** One tick at a time: a refresh never reads the same log bytes twice. */
  private _serialTick(): Promise<void> {
    const next = this._chain.then(() => this._tick());
    this._chain = next.catch(() => undefined);
    return next;
  }

  private async _tick(): Promise<void> {
    if (this._isDisposed) {
      return;
    }
    const signal = this._abort.signal;
    this._set({ loading: true });
    let status: ILocalRunStatus;
    try {
      status = await this._client.localRun(this.runId, { signal });
      await this._readLog(isFinalLocalRunStatus(status.status), signal);
    } catch (reason) {
      if (this._isDisposed) {
        return;
      }
      const error = asApiError(reason);
      // A 4xx will not mend itself (no such run, not allowed).
      const hopeless =
        error.status >= 400 && error.status < 500 && error.status !== 429;
      this._set({
        error,
        loading: false,
        checkedAt: new Date(),
        stopped: hopeless
      });
      if (hopeless) {
        this._stopPolling();
      }
      // Rejecting makes the poll back off.
      throw error;
    }
    if (this._isDisposed) {
      return;
    }
    const over = isFinalLocalRunStatus(status.status) && this._logComplete;
    this._set({
      value: status,
      error: null,
      loading: false,
      checkedAt: new Date(),
      stopped: over
    });
    if (over) {
      this._stopPolling();
    }
  }

  /** Read what the log has gained (all of it, once the run has ended). */
  private async _readLog(final: boolean, signal: AbortSignal): Promise<void> {
    const reads = final ? MAX_FINAL_READS_PER_TICK : MAX_READS_PER_TICK;
    for (let read = 0; read < reads && !this._logComplete; read++) {
      const slice = await this._client.localRunLog(this.runId, this._offset, {
        signal
      });
      if (this._isDisposed) {
        return;
      }
      if (slice.offset !== this._offset) {
        // Not the bytes asked for: ask again next time.
        return;
      }
      this._offset = slice.next_offset;
      this._logComplete = slice.complete;
      if (slice.text) {
        this._logReceived.emit(slice.text);
      }
      if (slice.next_offset === slice.offset && !final) {
        return; // nothing new yet
      }
      if (!final && !slice.more) {
        return; // caught up (the server says so)
      }
    }
  }

  private _stopPolling(): void {
    // Stop without disposing: Refresh may start it again.
    void this._poll.stop();
  }

  private _set(patch: Partial<IPollState<ILocalRunStatus>>): void {
    if (this._isDisposed) {
      return;
    }
    this._state = { ...this._state, ...patch };
    this._changed.emit();
  }

  private _abort = new AbortController();
  private _chain: Promise<void> = Promise.resolve();
  private _changed = new Signal<this, void>(this);
  private _client: LaunchClient;
  private _isDisposed = false;
  private _logComplete = false;
  private _logReceived = new Signal<this, string>(this);
  private _offset = 0;
  private _poll: Poll;
  private _started = false;
  private _state: IPollState<ILocalRunStatus> = {
    value: null,
    error: null,
    loading: false,
    stopped: false,
    checkedAt: null
  };
}

export namespace LocalRunModel {
  export interface IOptions {
    runId: string;
    client: LaunchClient;
    /** Between polls (ms; default 1000). */
    interval?: number;
  }
}
