/**
 * "My launches": the training jobs, endpoints and local runs the user
 * launched from Shared Models (`GET /launches`, paged by the extension's
 * one `CursorPager`), each with its live status (a `StatusPoll`) while the
 * section is open.
 */
import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import type { LaunchClient } from '../api/launches';
import { CursorPager, IPagerState } from '../common/pager';
import { IPollState, StatusPoll } from '../common/statusPoll';
import { isFinalLocalRunStatus } from '../local-runs/types';
import { isFinalEndpointStatus, isFinalJobStatus } from './status';
import type { ILaunch } from './types';

export type ILaunchesState = IPagerState<ILaunch>;

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

/** The key of a launch's status poll. */
export function launchKey(launch: Pick<ILaunch, 'kind' | 'name'>): string {
  return `${launch.kind}/${launch.name}`;
}

export class LaunchesModel implements IDisposable {
  constructor(options: LaunchesModel.IOptions) {
    const client = options.client;
    const limit = options.pageSize ?? 20;
    this._client = client;
    this._pager = new CursorPager<ILaunch>({
      keyOf: launch => `${launchKey(launch)}/${launch.id}`,
      fetch: (cursor, signal) => client.launches({ limit, cursor }, { signal })
    });
    this._pager.changed.connect(() => {
      this._syncPolls();
      this._changed.emit();
    });
  }

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get state(): ILaunchesState {
    return this._pager.state;
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
      const status = this.state.status;
      if (status === 'idle' || status === 'error') {
        void this.refresh();
      } else {
        this._syncPolls();
      }
    } else {
      this._disposePolls();
    }
    this._changed.emit();
  }

  /** The live status of a launch (undefined until asked). */
  statusOf(launch: ILaunch): IPollState<string> | undefined {
    return this._polls.get(launchKey(launch))?.state;
  }

  /** Load the first page again (the launches listed stay until it answers). */
  refresh(): Promise<void> {
    return this._pager.refresh();
  }

  /** Append the next page. */
  loadMore(): Promise<void> {
    return this._pager.loadMore();
  }

  /** Something was launched from this JupyterLab: show it. */
  launched(): void {
    if (!this._expanded) {
      this._expanded = true;
      this._changed.emit();
    }
    void this.refresh();
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._disposePolls();
    this._pager.dispose();
    Signal.clearData(this);
  }

  /** One status poll per listed launch while the section is open. */
  private _syncPolls(): void {
    if (!this._expanded || this._isDisposed) {
      return;
    }
    const items = this.state.items;
    const wanted = new Set(items.map(launchKey));
    for (const [key, poll] of this._polls) {
      if (!wanted.has(key)) {
        poll.dispose();
        this._polls.delete(key);
      }
    }
    for (const launch of items) {
      const key = launchKey(launch);
      if (this._polls.has(key) || !hasLiveStatus(launch)) {
        continue;
      }
      const poll = this._createPoll(launch);
      this._polls.set(key, poll);
      poll.changed.connect(() => this._changed.emit());
      void poll.refresh();
    }
  }

  private _createPoll(launch: ILaunch): StatusPoll<string> {
    const client = this._client;
    const name = `shared-models:launch:${launchKey(launch)}`;
    if (launch.kind === 'training-job') {
      return new StatusPoll<string>({
        name,
        load: async signal =>
          (await client.trainingJob(launch.name, { signal })).status,
        isFinal: isFinalJobStatus,
        key: status => status
      });
    }
    if (launch.kind === 'local-run') {
      return new StatusPoll<string>({
        name,
        load: async signal =>
          (await client.localRun(launch.name, { signal })).status,
        isFinal: isFinalLocalRunStatus,
        key: status => status,
        // Local runs are short: look again sooner than at SageMaker.
        backoff: LOCAL_RUN_BACKOFF
      });
    }
    return new StatusPoll<string>({
      name,
      load: async signal =>
        (await client.deployment(launch.name, { signal })).status,
      isFinal: isFinalEndpointStatus,
      key: status => status
    });
  }

  private _disposePolls(): void {
    for (const poll of this._polls.values()) {
      poll.dispose();
    }
    this._polls.clear();
  }

  private _changed = new Signal<this, void>(this);
  private _client: LaunchClient;
  private _expanded = false;
  private _isDisposed = false;
  private _pager: CursorPager<ILaunch>;
  private _polls = new Map<string, StatusPoll<string>>();
}

export namespace LaunchesModel {
  export interface IOptions {
    client: LaunchClient;
    /** Launches per page (default 20). */
    pageSize?: number;
  }
}
