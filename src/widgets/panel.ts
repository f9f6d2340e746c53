import type { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { nullTranslator } from '@jupyterlab/translation';
import { ReactWidget, SidePanel } from '@jupyterlab/ui-components';
import type { Message } from '@lumino/messaging';
import { Panel, Widget } from '@lumino/widgets';
import * as React from 'react';

import { UserSection } from '../components/UserStatus';
import { sharedModelsIcon } from '../icons';
import type { SharedModelsModel } from '../model';
import { PANEL_ID, TRANSLATION_DOMAIN } from '../tokens';

/**
 * The Shared models panel of JupyterLab's left area.
 *
 * A `SidePanel`: a header (the heading), a toolbar (tabs, sort and filters,
 * to come) and a content panel holding one widget per section.
 */
export class SharedModelsPanel extends SidePanel {
  constructor(options: SharedModelsPanel.IOptions) {
    const translator = options.translator ?? nullTranslator;
    super({ content: new Panel(), translator });
    this.model = options.model;
    const trans = translator.load(TRANSLATION_DOMAIN);

    this.id = PANEL_ID;
    this.addClass('sme-SharedModelsPanel');
    this.title.icon = sharedModelsIcon;
    this.title.caption = trans.__('Shared models');
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', trans.__('Shared models'));

    this.header.addWidget(Private.createHeading(trans.__('Shared models')));
    this.addWidget(Private.createUserSection(this.model, trans));
  }

  /** The panel's state. */
  readonly model: SharedModelsModel;

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    if (this.isVisible) {
      void this.model.ensureMe();
    }
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    // Load lazily: nothing is fetched until the panel is first shown.
    void this.model.ensureMe();
  }
}

export namespace SharedModelsPanel {
  export interface IOptions {
    model: SharedModelsModel;
    translator?: ITranslator;
  }
}

namespace Private {
  export function createHeading(text: string): Widget {
    const heading = document.createElement('h2');
    heading.className = 'sme-SharedModelsPanel-heading';
    heading.textContent = text;
    const widget = new Widget({ node: heading });
    widget.addClass('sme-SharedModelsPanel-header');
    return widget;
  }

  export function createUserSection(
    model: SharedModelsModel,
    trans: TranslationBundle
  ): Widget {
    const widget = ReactWidget.create(
      React.createElement(UserSection, { model, trans })
    );
    widget.addClass('sme-SharedModelsPanel-user');
    return widget;
  }
}
