/**
 * Where entries are published (`GET /entries/{id}/hub-publications`), asked
 * per entry and only when something shows it (a card on screen, the details
 * view): never for the whole catalog at once.
 */
import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { asApiError } from '../common/errors';
import type { ApiError } from '../api/request';
import type { DestinationsClient } from '../api/destinations';
import type { IHubPublication } from './types';

export interface IPublicationsState {
  status: 'loading' | 'ready' | 'error';
  items: ReadonlyArray<IHubPublication>;
  error: ApiError | null;
}

export class HubPublications implements IDisposable {
  constructor(client: DestinationsClient) {
    this._client = client;
  }

  /** Emitted with the entry ID whose publications changed. */
  get changed(): ISignal<this, string> {
    return this._changed;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** What is known of an entry's publications (undefined: never asked). */
  get(entryId: string): IPublicationsState | undefined {
    return this._states.get(entryId);
  }

  /**
   * Ask the server, once per entry (again with `force`, e.g. when the
   * details view opens: a publication's status changes on AWS's side).
   */
  load(entryId: string, force = false): Promise<void> {
    const inFlight = this._inFlight.get(entryId);
    if (inFlight) {
      return inFlight;
    }
    const known = this._states.get(entryId);
    if (known && !force) {
      return Promise.resolve();
    }
    this._set(entryId, {
      status: 'loading',
      items: known?.items ?? [],
      error: null
    });
    const request = this._client
      .hubPublications(entryId)
      .then(
        list =>
          this._set(entryId, {
            status: 'ready',
            items: list.items,
            error: null
          }),
        reason =>
          this._set(entryId, {
            status: 'error',
            items: known?.items ?? [],
            error: asApiError(reason)
          })
      )
      .finally(() => this._inFlight.delete(entryId));
    this._inFlight.set(entryId, request);
    return request;
  }

  /** The entry was just published: show it without asking again. */
  published(entryId: string, publication: IHubPublication): void {
    const items = (this._states.get(entryId)?.items ?? []).filter(
      item => item.hub_name !== publication.hub_name
    );
    this._set(entryId, {
      status: 'ready',
      items: [...items, publication],
      error: null
    });
  }

  /** Forget an entry (it was deleted). */
  forget(entryId: string): void {
    if (this._states.delete(entryId)) {
      this._changed.emit(entryId);
    }
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    Signal.clearData(this);
  }

  private _set(entryId: string, state: IPublicationsState): void {
    if (this._isDisposed) {
      return;
    }
    this._states.set(entryId, state);
    this._changed.emit(entryId);
  }

  private _changed = new Signal<this, string>(this);
  private _client: DestinationsClient;
  private _inFlight = new Map<string, Promise<void>>();
  private _isDisposed = false;
  private _states = new Map<string, IPublicationsState>();
}
