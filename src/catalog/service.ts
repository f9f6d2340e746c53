/**
 * `ISharedModels`, the catalog as the other plugins see it: a narrow face
 * of the panel's model (the user, the options, the entries) and of the
 * panel (where sections go).
 */
import type { ServerConnection } from '@jupyterlab/services';
import type { IDisposable } from '@lumino/disposable';
import type { Widget } from '@lumino/widgets';

import type { IEntry, IMe, IOptions } from '../api/types';
import type { Loadable } from '../common/resource';
import type { IEntryExtension, ISharedModels } from '../tokens';
import type { SharedModelsModel } from './model';

export class SharedModelsService implements ISharedModels {
  constructor(options: SharedModelsService.IOptions) {
    this._model = options.model;
    this._panel = options.panel;
  }

  get serverSettings(): ServerConnection.ISettings {
    return this._model.client.serverSettings;
  }

  get me(): Loadable<IMe> {
    return this._model.me;
  }

  get options(): Loadable<IOptions> {
    return this._model.options;
  }

  ensureOptions(): Promise<void> {
    return this._model.ensureOptions();
  }

  isOwner(entry: Pick<IEntry, 'owner'>): boolean {
    return this._model.isOwner(entry);
  }

  findEntry(id: string): IEntry | undefined {
    return this._model.findEntry(id);
  }

  getEntry(id: string): Promise<IEntry> {
    return this._model.client.getEntry(id);
  }

  refresh(): Promise<void> {
    return this._model.refresh();
  }

  addEntryExtension(extension: IEntryExtension): IDisposable {
    return this._model.extensions.add(extension);
  }

  addPanelSection(widget: Widget): void {
    this._panel.addWidget(widget);
  }

  private _model: SharedModelsModel;
  private _panel: SharedModelsService.IPanel;
}

export namespace SharedModelsService {
  /** Where panel sections go (the Shared models panel). */
  export interface IPanel {
    addWidget(widget: Widget): void;
  }

  export interface IOptions {
    model: SharedModelsModel;
    panel: IPanel;
  }
}
