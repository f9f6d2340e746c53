import type { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import type { SharedModelsModel } from '../catalog/model';
import { Loadable, Resource } from '../common/resource';
import type { IEntry } from '../api/types';

/** One entry, loaded by id, for a details view. */
export class EntryDetailsModel implements IDisposable {
  constructor(options: { catalog: SharedModelsModel; id: string }) {
    this.catalog = options.catalog;
    this.id = options.id;
    this._entry = new Resource<IEntry>({
      load: () => this.catalog.client.getEntry(this.id),
      changed: () => {
        if (!this._isDisposed) {
          this._changed.emit();
        }
      }
    });
  }

  readonly catalog: SharedModelsModel;
  readonly id: string;

  get changed(): ISignal<this, void> {
    return this._changed;
  }

  get entry(): Loadable<IEntry> {
    return this._entry.state;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** (Re)load the entry from the server; never rejects. */
  load(): Promise<void> {
    return this._entry.refresh();
  }

  /** Show an entry the caller already has (e.g. just saved). */
  show(entry: IEntry): void {
    this._entry.set(entry);
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._entry.cancel();
    Signal.clearData(this);
  }

  private _changed = new Signal<this, void>(this);
  private _entry: Resource<IEntry>;
  private _isDisposed = false;
}
