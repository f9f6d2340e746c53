import type { TranslationBundle } from '@jupyterlab/translation';
import { MainAreaWidget } from '@jupyterlab/apputils';
import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { SharedModelsClient } from '../api/catalog';
import { sharedModelsIcon } from '../common/icons';
import type { IEntry, Kind } from '../api/types';
import { EntryWizard } from './components/EntryWizard';

export interface IWizardWidgetOptions {
  client: SharedModelsClient;
  trans: TranslationBundle;
  kind: Kind;
  entry?: IEntry;
  /** "Share notebook…": the workspace notebook to upload and list. */
  notebookPath?: string;
  onSaved?: (entry: IEntry) => void;
}

let counter = 0;

/**
 * The main-area id of the wizard for `entry` (edit), for sharing the
 * workspace notebook `notebookPath`, or for a new entry of `kind`.
 */
export function wizardId(
  kind: Kind,
  entry?: IEntry,
  notebookPath?: string
): string {
  if (entry) {
    return `shared-models-wizard-edit-${entry.id}`;
  }
  if (notebookPath !== undefined) {
    return `shared-models-wizard-share-${encodeURIComponent(notebookPath)}`;
  }
  return `shared-models-wizard-add-${kind}`;
}

/**
 * The entry wizard in a main-area tab: "Add model", "Add notebook" or
 * "Edit <title>". It closes itself after a successful save (`onSaved` first)
 * or on Cancel.
 */
export function createWizardWidget(
  options: IWizardWidgetOptions
): MainAreaWidget<ReactWidget> {
  const { client, trans, kind, entry, notebookPath } = options;
  const idPrefix = `sme-wizard-${++counter}`;
  let widget: MainAreaWidget<ReactWidget> | null = null;
  const close = (): void => widget?.dispose();
  const content = ReactWidget.create(
    <EntryWizard
      client={client}
      trans={trans}
      kind={kind}
      entry={entry}
      notebookPath={entry ? undefined : notebookPath}
      idPrefix={idPrefix}
      onSaved={saved => {
        try {
          options.onSaved?.(saved);
        } finally {
          close();
        }
      }}
      onCancel={close}
    />
  );
  content.addClass('sme-Wizard');
  widget = new MainAreaWidget({ content });
  widget.id = wizardId(kind, entry, notebookPath);
  widget.addClass('sme-WizardPanel');
  widget.toolbar.hide();
  widget.title.icon = sharedModelsIcon;
  widget.title.closable = true;
  widget.title.label = entry
    ? trans.__('Edit %1', entry.title)
    : notebookPath !== undefined
      ? trans.__('Share %1', notebookPath.split('/').pop() ?? notebookPath)
      : kind === 'model'
        ? trans.__('Add model')
        : trans.__('Add notebook');
  widget.title.caption = widget.title.label;
  return widget;
}
