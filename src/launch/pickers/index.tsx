/**
 * The container pickers of the wizard: one per container source — an
 * existing training job, your image in ECR, a Deep Learning Container. Each
 * is a dialog that resolves with the chosen image URI (null: cancelled).
 */
import { Dialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import type { Message } from '@lumino/messaging';
import * as React from 'react';

import type { ImageSource } from '../../api/types';
import type { LaunchClient } from '../../api/launches';
import { choiceFromUri } from '../dlc';
import type { IDeepLearningContainers, ImageScope } from '../types';
import { DlcPicker } from './DlcPicker';
import { EcrPicker, repositoryOfUri } from './EcrPicker';
import { TrainingJobPicker } from './TrainingJobPicker';

export { repositoryOfUri } from './EcrPicker';

/** The class of the button that uses the chosen image. */
export const USE_IMAGE_CLASS = 'sme-Picker-use';

export interface IPickImageOptions {
  source: ImageSource;
  /** Training or inference images (Deep Learning Containers differ). */
  scope: ImageScope;
  client: LaunchClient;
  /** The Deep Learning Container table (`GET /options`); null if unknown. */
  dlc: IDeepLearningContainers | null;
  /** The field's current URI: the picker opens on it when it can. */
  value: string;
  trans: TranslationBundle;
  locale?: string;
}

/** The dialog's title for a source. */
export function pickerTitle(
  source: ImageSource,
  trans: TranslationBundle
): string {
  switch (source) {
    case 'training-job':
      return trans.__('Choose a training job’s image');
    case 'ecr':
      return trans.__('Choose an ECR image');
    default:
      return trans.__('Choose a Deep Learning Container');
  }
}

let counter = 0;

/** Open the picker of `options.source`; resolves with the chosen URI or null. */
export async function pickContainerImage(
  options: IPickImageOptions
): Promise<string | null> {
  const { trans } = options;
  const title = pickerTitle(options.source, trans);
  const body = new PickerBody(options);
  const dialog = new Dialog<string | null>({
    title,
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({
        label: trans.__('Use this image'),
        className: USE_IMAGE_CLASS
      })
    ],
    defaultButton: 1,
    hasClose: true,
    focusNodeSelector: 'input, select, button'
  });
  dialog.addClass('sme-PickerDialog');
  dialog.node.setAttribute('aria-label', title);
  body.dialog = dialog;
  const result = await dialog.launch();
  return result.button.accept && result.value ? result.value : null;
}

/** The picker of one source, and the URI it would give now. */
class PickerBody
  extends ReactWidget
  implements Dialog.IBodyWidget<string | null>
{
  constructor(options: IPickImageOptions) {
    super();
    this.addClass('sme-PickerBody');
    this._options = options;
  }

  dialog: Dialog<string | null> | null = null;

  getValue(): string | null {
    return this._value;
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    this._updateButton();
  }

  protected render(): JSX.Element {
    const { source, scope, client, dlc, value, trans, locale } = this._options;
    const idPrefix = this._idPrefix;
    if (source === 'training-job') {
      return (
        <TrainingJobPicker
          client={client}
          onValue={this._onValue}
          onPick={this._onPick}
          idPrefix={idPrefix}
          locale={locale}
          trans={trans}
        />
      );
    }
    if (source === 'ecr') {
      return (
        <EcrPicker
          client={client}
          initialRepository={repositoryOfUri(value)}
          onValue={this._onValue}
          onPick={this._onPick}
          idPrefix={idPrefix}
          locale={locale}
          trans={trans}
        />
      );
    }
    if (!dlc) {
      return (
        <p className="sme-Picker-note">
          {trans.__('The Deep Learning Container list could not be loaded.')}
        </p>
      );
    }
    return (
      <DlcPicker
        dlc={dlc}
        scope={scope}
        client={client}
        initial={choiceFromUri(dlc, scope, value) ?? {}}
        onValue={this._onValue}
        idPrefix={idPrefix}
        trans={trans}
      />
    );
  }

  private _onValue = (uri: string | null): void => {
    this._value = uri;
    this._updateButton();
  };

  private _onPick = (uri: string): void => {
    this._value = uri;
    this.dialog?.resolve(1);
  };

  private _updateButton(): void {
    const button = this.dialog?.node.querySelector<HTMLButtonElement>(
      `.${USE_IMAGE_CLASS}`
    );
    if (button) {
      button.disabled = this._value === null;
    }
  }

  private _idPrefix = `sme-picker-${++counter}`;
  private _options: IPickImageOptions;
  private _value: string | null = null;
}
