/**
 * "My launches": the training jobs, endpoints and local runs the user
 * launched from Shared Models (`GET /launches`), each with its live status while the
 * section is open.
 */
import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { asApiError } from '../common/errors';
import type { ApiError } from '../api/request';
import type { LaunchClient } from '../api/launches';
import { isFinalLocalRunStatus } from '../local-runs/types';
import {
  IPollState,
  isFinalEndpointStatus,
  isFinalJobStatus,
  StatusPoller
} from './poll';
import type { ILaunch } from './types';

export interface ILaunchesState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: ReadonlyArray<ILaunch>;
  nextCursor: string | null;
  error: ApiError | null;
  /** A next page is on its way. */
  loadingMore: boolean;
}

/** How often My launches asks for a local run's status. */
export const LOCAL_RUN_BACKOFF = { initial: 1000, max: 5000, factor: 2 };

/** Jobs, endpoints and runs change status; registrations do not. */
export function hasLiveStatus(launch: Pick<ILaunch, 'kind'>): boolean {
  return (
    launch.kind === 'training-job' ||
    launch.kind === 'endpoint' ||
    launch.kind === 'local-run'
  );
}

/** The key of a launch's status poller. */
export function launchKey(launch: Pick<ILaunch, 'kind' | 'name'>): string {
  return `${launch.kind}/${launch.name}`;
}

export class LaunchesModel implements IDisposable {
  constructor(options: LaunchesModel.IOptions) {
    this._client = options.client;
    this._pageSize = options.pageSize ?? 20;
  }

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get state(): ILaunchesState {
    return this._state;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** The section is open: the list loads and statuses are polled. */
  get expanded(): boolean {
    return this._expanded;
  }
  set expanded(expanded: boolean) {
    if (expanded === this._expanded) {
      return;
    }
    this._expanded = expanded;
    if (expanded) {
      if (this._state.status === 'idle' || this._state.status === 'error') {
        void this.refresh();
      } else {
        this._syncPollers();
      }
    } else {
      this._disposePollers();
    }
    this._changed.emit();
  }

  /** The live status of a launch (undefined until asked). */
  statusOf(launch: ILaunch): IPollState<string> | undefined {
    return this._pollers.get(launchKey(launch))?.state;
  }

  /** Load the first page again. */
  async refresh(): Promise<void> {
    const request = ++this._request;
    this._set({ status: 'loading', error: null });
    try {
      const page = await this._client.launches({ limit: this._pageSize });
      if (request !== this._request || this._isDisposed) {
        return;
      }
      this._set({
        status: 'ready',
        items: page.items,
        nextCursor: page.next_cursor,
        error: null,
        loadingMore: false
      });
    } catch (reason) {
      if (request !== this._request || this._isDisposed) {
        return;
      }
      this._set({ status: 'error', error: asApiError(reason) });
    }
    this._syncPollers();
  }

  /** Append the next page. */
  async loadMore(): Promise<void> {
    const cursor = this._state.nextCursor;
    if (!cursor || this._state.loadingMore || this._state.status !== 'ready') {
      return;
    }
    const request = this._request;
    this._set({ loadingMore: true });
    try {
      const page = await this._client.launches({
        limit: this._pageSize,
        cursor
      });
      if (request !== this._request || this._isDisposed) {
        return;
      }
      this._set({
        items: [...this._state.items, ...page.items],
        nextCursor: page.next_cursor,
        loadingMore: false,
        error: null
      });
    } catch (reason) {
      if (request !== this._request || this._isDisposed) {
        return;
      }
      this._set({ loadingMore: false, error: asApiError(reason) });
    }
    this._syncPollers();
  }

  /** Something was launched from this JupyterLab: show it. */
  launched(): void {
    if (this._expanded) {
      void this.refresh();
    } else {
      this._state = { ...this._state, status: 'idle' };
      this.expanded = true;
    }
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._disposePollers();
    Signal.clearData(this);
  }

  /** One poller per listed launch while the section is open. */
  private _syncPollers(): void {
    if (!this._expanded || this._isDisposed) {
      return;
    }
    const wanted = new Set(this._state.items.map(launchKey));
    for (const [key, poller] of this._pollers) {
      if (!wanted.has(key)) {
        poller.dispose();
        this._pollers.delete(key);
      }
    }
    for (const launch of this._state.items) {
      const key = launchKey(launch);
      if (this._pollers.has(key) || !hasLiveStatus(launch)) {
        continue;
      }
      const poller = this._createPoller(launch);
      this._pollers.set(key, poller);
      poller.changed.connect(() => this._changed.emit());
      void poller.refresh();
    }
  }

  private _createPoller(launch: ILaunch): StatusPoller<string> {
    const client = this._client;
    if (launch.kind === 'training-job') {
      return new StatusPoller<string>({
        load: async signal =>
          (await client.trainingJob(launch.name, { signal })).status,
        isFinal: isFinalJobStatus,
        key: status => status
      });
    }
    if (launch.kind === 'local-run') {
      return new StatusPoller<string>({
        load: async signal =>
          (await client.localRun(launch.name, { signal })).status,
        isFinal: isFinalLocalRunStatus,
        key: status => status,
        // Local runs are short: look again sooner than at SageMaker.
        backoff: LOCAL_RUN_BACKOFF
      });
    }
    return new StatusPoller<string>({
      load: async signal =>
        (await client.deployment(launch.name, { signal })).status,
      isFinal: isFinalEndpointStatus,
      key: status => status
    });
  }

  private _disposePollers(): void {
    for (const poller of this._pollers.values()) {
      poller.dispose();
    }
    this._pollers.clear();
  }

  private _set(patch: Partial<ILaunchesState>): void {
    this._state = { ...this._state, ...patch };
    this._changed.emit();
  }

  private _changed = new Signal<this, void>(this);
  private _client: LaunchClient;
  private _expanded = false;
  private _isDisposed = false;
  private _pageSize: number;
  private _pollers = new Map<string, StatusPoller<string>>();
  private _request = 0;
  private _state: ILaunchesState = {
    status: 'idle',
    items: [],
    nextCursor: null,
    error: null,
    loadingMore: false
  };
}

export namespace LaunchesModel {
  export interface IOptions {
    client: LaunchClient;
    /** Launches per page (default 20). */
    pageSize?: number;
  }
}
