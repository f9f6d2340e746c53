import type { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget } from '@jupyterlab/apputils';
import type { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import type { ITranslator } from '@jupyterlab/translation';
import { nullTranslator } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import type { IDisposable } from '@lumino/disposable';
import * as React from 'react';

import { DetailsView } from './DetailsView';
import { toLocale } from '../common/time';
import { EntryDetailsModel } from './model';
import { sharedModelsIcon } from '../common/icons';
import type { SharedModelsModel } from '../catalog/model';
import { CommandIDs, TRANSLATION_DOMAIN } from '../tokens';
import type { IEntry } from '../api/types';

/** The details of one entry, in the main area. */
export class EntryDetailsWidget extends MainAreaWidget<ReactWidget> {
  constructor(options: EntryDetailsWidget.IOptions) {
    const translator = options.translator ?? nullTranslator;
    const trans = translator.load(TRANSLATION_DOMAIN);
    const model = options.model;
    const content = ReactWidget.create(
      React.createElement(DetailsView, {
        model,
        rendermime: options.rendermime,
        onAction: action =>
          void options.app.commands.execute(
            {
              open: CommandIDs.openNotebook,
              train: CommandIDs.train,
              'run-locally': CommandIDs.runLocally,
              deploy: CommandIDs.deploy,
              edit: CommandIDs.editEntry,
              share: CommandIDs.shareEntry,
              delete: CommandIDs.deleteEntry
            }[action],
            { id: model.id }
          ),
        locale: toLocale(translator.languageCode),
        trans
      })
    );
    content.addClass('sme-DetailsContent');
    super({ content });
    this.model = model;
    this.id = `sme-details-${model.id}`;
    this.addClass('sme-DetailsWidget');
    this.title.icon = sharedModelsIcon;
    this.title.closable = true;
    this.title.label = model.id;
    this.title.caption = trans.__('Shared model details: %1', model.id);
    model.changed.connect(this._onChanged, this);
    void model.load();
  }

  readonly model: EntryDetailsModel;

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.model.dispose();
    super.dispose();
  }

  private _onChanged(): void {
    const entry = this.model.entry;
    if (entry.status === 'ready') {
      this.title.label = entry.value.title;
    }
  }
}

export namespace EntryDetailsWidget {
  export interface IOptions {
    app: JupyterFrontEnd;
    model: EntryDetailsModel;
    rendermime: IRenderMimeRegistry | null;
    translator?: ITranslator;
  }
}

/**
 * Opens one details view per entry (activating it when already open), and
 * keeps them in step with saves and deletes.
 */
export class DetailsManager implements IDisposable {
  constructor(options: DetailsManager.IOptions) {
    this._options = options;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Show the details of entry `id` in the main area. */
  open(id: string): EntryDetailsWidget {
    const { app, catalog, rendermime, translator } = this._options;
    // Ownership decides the actions; the vocabularies label the fields.
    void catalog.ensureMe();
    void catalog.ensureOptions();
    let widget = this._widgets.get(id);
    if (widget && !widget.isDisposed) {
      void widget.model.load();
    } else {
      widget = new EntryDetailsWidget({
        app,
        model: new EntryDetailsModel({ catalog, id }),
        rendermime,
        translator
      });
      this._widgets.set(id, widget);
      widget.disposed.connect(() => this._widgets.delete(id));
      app.shell.add(widget, 'main');
    }
    app.shell.activateById(widget.id);
    return widget;
  }

  /** An entry was saved: show the new version where it is open. */
  saved(entry: IEntry): void {
    this._widgets.get(entry.id)?.model.show(entry);
  }

  /** An entry was deleted: close its details. */
  deleted(id: string): void {
    this._widgets.get(id)?.dispose();
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    for (const widget of this._widgets.values()) {
      widget.dispose();
    }
    this._widgets.clear();
  }

  private _isDisposed = false;
  private _options: DetailsManager.IOptions;
  private _widgets = new Map<string, EntryDetailsWidget>();
}

export namespace DetailsManager {
  export interface IOptions {
    app: JupyterFrontEnd;
    catalog: SharedModelsModel;
    rendermime: IRenderMimeRegistry | null;
    translator: ITranslator;
  }
}
