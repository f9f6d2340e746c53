/**
 * The buttons and badges other plugins add to the catalog's entries (see
 * `IEntryExtension` in `tokens.ts`): the cards and the details view render
 * whatever is registered here, in the order it was added.
 */
import { DisposableDelegate, IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import type { IEntry } from '../api/types';
import type { IEntryAction, IEntryExtension } from '../tokens';

export class EntryExtensions {
  /** Emitted when an extension is added or taken away. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** The extensions, in the order they were added (a new array on each change). */
  get items(): ReadonlyArray<IEntryExtension> {
    return this._items;
  }

  add(extension: IEntryExtension): IDisposable {
    this._items = [...this._items, extension];
    this._changed.emit();
    return new DisposableDelegate(() => {
      this._items = this._items.filter(item => item !== extension);
      this._changed.emit();
    });
  }

  private _changed = new Signal<this, void>(this);
  private _items: ReadonlyArray<IEntryExtension> = [];
}

/** Every extension's buttons for `entry`, in order. */
export function entryActions(
  extensions: ReadonlyArray<IEntryExtension>,
  entry: IEntry,
  isOwner: boolean
): IEntryAction[] {
  return extensions.flatMap(
    extension => extension.actions?.(entry, isOwner) ?? []
  );
}
