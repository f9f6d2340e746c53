import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { SharedModelsClient } from './api';
import { ApiError } from './request';
import { DEFAULT_SETTINGS, IPanelSettings } from './settings';
import type { IMe } from './types';

/** The state of something loaded from the server. */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ApiError };

/**
 * The state behind the Shared models panel.
 *
 * Views render from it and listen to `stateChanged`; they never call the
 * server themselves.
 */
export class SharedModelsModel implements IDisposable {
  constructor(options: SharedModelsModel.IOptions) {
    this.client = options.client;
    this._settings = { ...DEFAULT_SETTINGS, ...options.settings };
  }

  /** The API client the model uses. */
  readonly client: SharedModelsClient;

  /** Emitted whenever any state of the model changes. */
  get stateChanged(): ISignal<this, void> {
    return this._stateChanged;
  }

  /** The signed-in catalog user. */
  get me(): Loadable<IMe> {
    return this._me;
  }

  /** The user's panel settings. */
  get settings(): Readonly<IPanelSettings> {
    return this._settings;
  }
  set settings(value: Readonly<IPanelSettings>) {
    this._settings = { ...value };
    this._stateChanged.emit();
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Load the signed-in user unless it was already requested. */
  ensureMe(): Promise<void> {
    if (!this._meLoaded) {
      this._meLoaded = this.refreshMe();
    }
    return this._meLoaded;
  }

  /** (Re)load the signed-in user; never rejects (errors land in `me`). */
  async refreshMe(): Promise<void> {
    const request = ++this._meRequest;
    if (!this._meLoaded) {
      this._meLoaded = Promise.resolve();
    }
    this._setMe({ status: 'loading' });
    let next: Loadable<IMe>;
    try {
      next = { status: 'ready', value: await this.client.me() };
    } catch (error) {
      next = { status: 'error', error: Private.asApiError(error) };
    }
    // A newer refresh (or disposal) wins over this one.
    if (request === this._meRequest && !this._isDisposed) {
      this._setMe(next);
    }
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    Signal.clearData(this);
  }

  private _setMe(value: Loadable<IMe>): void {
    this._me = value;
    this._stateChanged.emit();
  }

  private _isDisposed = false;
  private _me: Loadable<IMe> = { status: 'loading' };
  private _meLoaded: Promise<void> | null = null;
  private _meRequest = 0;
  private _settings: IPanelSettings;
  private _stateChanged = new Signal<this, void>(this);
}

export namespace SharedModelsModel {
  export interface IOptions {
    client: SharedModelsClient;
    settings?: Partial<IPanelSettings>;
  }
}

namespace Private {
  export function asApiError(error: unknown): ApiError {
    if (error instanceof ApiError) {
      return error;
    }
    return new ApiError({
      status: 0,
      code: 'unexpected',
      message: error instanceof Error ? error.message : String(error)
    });
  }
}
