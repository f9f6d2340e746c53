import { Dialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import type { Message } from '@lumino/messaging';
import * as React from 'react';

import { S3Browser } from './S3Browser';
import type { IS3Item, IS3Lister } from './browserModel';
import { S3BrowserModel } from './browserModel';
import { initialLocation } from './paths';

export interface IBrowseS3Options {
  /** The API client (or anything that lists buckets and prefixes). */
  lister: IS3Lister;
  /** The label of the field the location is for ("Channel 1 S3 URI"). */
  fieldLabel: string;
  /** The field's value: the browser opens there when it is an S3 URI. */
  value?: string;
  trans: TranslationBundle;
  locale?: string;
  /** Keys per page (tests). */
  pageSize?: number;
}

/** Class names of the dialog's buttons (they also tell which one was used). */
export const SELECT_FOLDER_CLASS = 'sme-S3Browser-selectFolder';
export const SELECT_ITEM_CLASS = 'sme-S3Browser-selectItem';

let counter = 0;

/**
 * The "Browse S3" dialog: resolves with the picked URI (an object, or a
 * prefix ending in `/`), or null when the user cancels.
 */
export async function browseS3(
  options: IBrowseS3Options
): Promise<string | null> {
  const { trans } = options;
  const body = new S3BrowserBody(options);
  const dialog = new Dialog<S3BrowserBody.IValue>({
    title: trans.__('Browse S3'),
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({
        label: trans.__('Select this folder'),
        className: SELECT_FOLDER_CLASS,
        displayType: 'default'
      }),
      Dialog.okButton({
        label: trans.__('Select'),
        className: SELECT_ITEM_CLASS
      })
    ],
    defaultButton: 2,
    hasClose: true,
    focusNodeSelector: '.sme-S3Browser-list'
  });
  dialog.addClass('sme-S3BrowserDialog');
  dialog.node.setAttribute('aria-label', trans.__('Browse S3'));
  body.dialog = dialog;
  try {
    const result = await dialog.launch();
    if (!result.button.accept || !result.value) {
      return null;
    }
    return result.button.className.includes(SELECT_FOLDER_CLASS)
      ? result.value.folder
      : (result.value.item ?? null);
  } finally {
    body.model.dispose();
  }
}

/** The dialog's body: the browser, and what its buttons would pick now. */
export class S3BrowserBody
  extends ReactWidget
  implements Dialog.IBodyWidget<S3BrowserBody.IValue>
{
  constructor(options: IBrowseS3Options) {
    super();
    this.addClass('sme-S3BrowserBody');
    this._options = options;
    this.model = new S3BrowserModel({
      lister: options.lister,
      pageSize: options.pageSize
    });
    const start = initialLocation(options.value ?? '');
    this._highlight = start.highlight;
    this.model.changed.connect(this._updateButtons, this);
    void this.model.open(start.location);
  }

  /** The browser's state. */
  readonly model: S3BrowserModel;

  /** The dialog the body is in (its buttons follow what may be picked). */
  dialog: Dialog<S3BrowserBody.IValue> | null = null;

  getValue(): S3BrowserBody.IValue {
    return {
      folder: this.model.state.location,
      item: this._active?.uri ?? null
    };
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    this._updateButtons();
  }

  protected render(): JSX.Element {
    const { fieldLabel, trans, locale } = this._options;
    return React.createElement(S3Browser, {
      model: this.model,
      fieldLabel,
      highlight: this._highlight,
      idPrefix: this._idPrefix,
      locale,
      trans,
      onActiveChange: this._onActiveChange,
      onPick: this._onPick
    });
  }

  private _onActiveChange = (item: IS3Item | null): void => {
    this._active = item;
    this._updateButtons();
  };

  private _onPick = (uri: string): void => {
    this._active = this.model.state.items.find(item => item.uri === uri) ?? {
      kind: 'object',
      name: uri,
      uri
    };
    this._resolveWith(SELECT_ITEM_CLASS);
  };

  private _resolveWith(className: string): void {
    const dialog = this.dialog;
    const buttons = this._buttons();
    const index = buttons.findIndex(button =>
      button.classList.contains(className)
    );
    if (dialog && index >= 0) {
      dialog.resolve(index);
    }
  }

  /** The dialog's footer buttons, in order. */
  private _buttons(): HTMLButtonElement[] {
    const footer = this.dialog?.node.querySelector('.jp-Dialog-footer');
    return footer
      ? Array.from(footer.querySelectorAll<HTMLButtonElement>('button'))
      : [];
  }

  /** "Select this folder" inside a bucket; "Select" with a highlighted row. */
  private _updateButtons(): void {
    const state = this.model.state;
    for (const button of this._buttons()) {
      if (button.classList.contains(SELECT_FOLDER_CLASS)) {
        button.disabled = state.location === null;
      } else if (button.classList.contains(SELECT_ITEM_CLASS)) {
        button.disabled = this._active === null || state.status !== 'ready';
      }
    }
  }

  private _active: IS3Item | null = null;
  private _highlight: string | null;
  private _idPrefix = `sme-s3browser-${++counter}`;
  private _options: IBrowseS3Options;
}

export namespace S3BrowserBody {
  /** What each accept button would pick. */
  export interface IValue {
    /** The location shown (null: the bucket list). */
    folder: string | null;
    /** The highlighted row's URI. */
    item: string | null;
  }
}
