import type { ITranslator } from '@jupyterlab/translation';
import { nullTranslator } from '@jupyterlab/translation';
import { ReactWidget, SidePanel } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import type { Message } from '@lumino/messaging';
import { Menu, Panel, Widget } from '@lumino/widgets';
import * as React from 'react';

import { CatalogControls, IControlIds } from './CatalogControls';
import type { CardAction } from './EntryCard';
import { EntryList } from './EntryList';
import { PanelActions } from './PanelActions';
import { toLocale } from '../common/time';
import { UserSection } from './UserStatus';
import { sharedModelsIcon } from '../common/icons';
import type { SharedModelsModel } from './model';
import { CommandIDs, PANEL_ID, TRANSLATION_DOMAIN } from '../tokens';
import type { IEntry } from '../api/types';

/**
 * The Shared models panel of JupyterLab's left area.
 *
 * A `SidePanel`: a header (the heading, Add and Refresh), then the signed-in
 * user, the catalog controls (tabs, search, sort, filters) and the list of
 * cards, which scrolls on its own. Card actions run the extension's commands.
 */
export class SharedModelsPanel extends SidePanel {
  constructor(options: SharedModelsPanel.IOptions) {
    const translator = options.translator ?? nullTranslator;
    super({ content: new Panel(), translator });
    this.model = options.model;
    this._commands = options.commands ?? new CommandRegistry();
    const trans = translator.load(TRANSLATION_DOMAIN);
    const locale = toLocale(translator.languageCode);
    const ids = Private.ids();

    this.id = PANEL_ID;
    this.addClass('sme-SharedModelsPanel');
    this.title.icon = sharedModelsIcon;
    this.title.caption = trans.__('Shared models');
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', trans.__('Shared models'));

    this._addMenu = new Menu({ commands: this._commands });
    this._addMenu.addClass('sme-AddMenu');
    this._addMenu.addItem({ command: CommandIDs.addModel });
    this._addMenu.addItem({ command: CommandIDs.addNotebook });

    this.header.addWidget(Private.createHeading(trans.__('Shared models')));
    this.header.addWidget(
      Private.react(
        React.createElement(PanelActions, {
          addMenu: this._addMenu,
          onRefresh: () => void this._commands.execute(CommandIDs.refresh),
          trans
        }),
        'sme-SharedModelsPanel-actions'
      )
    );

    this.addWidget(
      Private.react(
        React.createElement(UserSection, { model: this.model, trans }),
        'sme-SharedModelsPanel-user'
      )
    );
    this.addWidget(
      Private.react(
        React.createElement(CatalogControls, {
          model: this.model,
          ids,
          locale,
          trans
        }),
        'sme-SharedModelsPanel-controls'
      )
    );
    const list: Widget = Private.react(
      React.createElement(EntryList, {
        model: this.model,
        onAction: this._onAction,
        id: ids.list,
        tabIdPrefix: ids.tabs,
        scrollRoot: () => list.node,
        locale,
        trans
      }),
      'sme-SharedModelsPanel-list'
    );
    this.addWidget(list);
  }

  /** The panel's state. */
  readonly model: SharedModelsModel;

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._addMenu.dispose();
    super.dispose();
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    if (this.isVisible) {
      void this.model.start();
    }
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    // Load lazily: nothing is fetched until the panel is first shown.
    void this.model.start();
  }

  private _onAction = (action: CardAction, entry: IEntry): void => {
    const command = {
      details: CommandIDs.openDetails,
      open: CommandIDs.openNotebook,
      train: CommandIDs.train,
      'run-locally': CommandIDs.runLocally,
      deploy: CommandIDs.deploy,
      edit: CommandIDs.editEntry,
      share: CommandIDs.shareEntry,
      delete: CommandIDs.deleteEntry
    }[action];
    if (this._commands.hasCommand(command)) {
      void this._commands.execute(command, { id: entry.id });
    }
  };

  private _addMenu: Menu;
  private _commands: CommandRegistry;
}

export namespace SharedModelsPanel {
  export interface IOptions {
    model: SharedModelsModel;
    /** Where the card and header actions' commands live (the app's). */
    commands?: CommandRegistry;
    translator?: ITranslator;
  }
}

namespace Private {
  let count = 0;

  /** Element ids unique to one panel. */
  export function ids(): IControlIds {
    const prefix = `sme-panel-${++count}`;
    return {
      list: `${prefix}-list`,
      tabs: `${prefix}-tab`,
      sort: `${prefix}-sort`,
      filters: `${prefix}-filters`
    };
  }

  export function createHeading(text: string): Widget {
    const heading = document.createElement('h2');
    heading.className = 'sme-SharedModelsPanel-heading';
    heading.textContent = text;
    const widget = new Widget({ node: heading });
    widget.addClass('sme-SharedModelsPanel-header');
    return widget;
  }

  export function react(element: JSX.Element, className: string): Widget {
    const widget = ReactWidget.create(element);
    widget.addClass(className);
    return widget;
  }
}
