/**
 * The Publish to hub… dialog: a hub of `GET /hubs` (paged), or a new one
 * (`POST /hubs`), then `POST /entries/{id}/hub-publications`. The server's
 * 400 details land on their fields while the dialog stays open; a hub it
 * created stays chosen, so trying again does not create it twice.
 */
import { Dialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import { FormModel, underPrefix } from '../common/form';
import { runDialog, submitLaunch, SubmitDialog } from '../launch/submitDialog';
import type { IEntry } from '../api/types';
import type { DestinationsClient } from '../api/destinations';
import { HubForm } from './HubForm';
import {
  createHubBody,
  hubFieldKeys,
  hubFormValue,
  IHubFormValue,
  NEW_HUB_PREFIX
} from './hubForm';
import { HubList } from './hubList';
import type { IHubPublication } from './types';

/** Class name of the dialog's accepting button. */
export const PUBLISH_CLASS = 'sme-DestinationDialog-publish';

let counter = 0;

export interface IHubDialogOptions {
  entry: IEntry;
  client: DestinationsClient;
  trans: TranslationBundle;
  /** Hubs per page of the list. */
  pageSize?: number;
  onPublished: (publication: IHubPublication) => void;
}

/** The Publish to hub… dialog: resolves when it closes. */
export async function showHubDialog(options: IHubDialogOptions): Promise<void> {
  const { entry, client, trans, onPublished } = options;
  const keys = new Set(hubFieldKeys());
  // No dry run of its own: the server checks a new hub when it creates it.
  const state = new FormModel<IHubFormValue>({
    value: hubFormValue(),
    fields: () => keys,
    describeMoved: true
  });
  const hubs = new HubList({ client, pageSize: options.pageSize });
  const body = ReactWidget.create(
    <HubForm
      entry={entry}
      state={state}
      hubs={hubs}
      idPrefix={`sme-hub-${++counter}`}
      trans={trans}
    />
  );
  body.addClass('sme-LaunchDialog-body');
  body.disposed.connect(() => {
    hubs.dispose();
    state.dispose();
  });
  void hubs.reset().then(() => {
    // The first hub is the choice; no hub at all: create one.
    const first = hubs.hubs[0];
    if (hubs.state.status === 'ready' && !state.value.hub_name) {
      state.update(first ? { hub_name: first.name } : { create: true }, []);
    }
  });

  const send = async (value: IHubFormValue): Promise<IHubPublication> => {
    let hubName = value.hub_name;
    if (value.create) {
      const hub = await client.createHub(createHubBody(value)).catch(reason => {
        throw underPrefix(reason, NEW_HUB_PREFIX);
      });
      hubName = hub.name;
      // Created: a retry publishes to it rather than creating it again.
      state.update({ create: false, hub_name: hub.name }, []);
      void hubs.reset();
    }
    return client.publishToHub(entry.id, hubName);
  };

  const publish = (): Promise<boolean> =>
    submitLaunch({
      state,
      body,
      choices: value => value,
      nameOf: value => (value.create ? value.new_name.trim() : value.hub_name),
      send,
      launchedName: publication =>
        `${publication.hub_name} · v${publication.version}`,
      messages: hub => ({
        pending: trans.__('Publishing “%1” to hub %2…', entry.title, hub),
        success: where => trans.__('“%1” is in hub %2.', entry.title, where),
        error: message =>
          trans.__('Could not publish “%1”: %2', entry.title, message)
      }),
      onLaunched: onPublished
    });

  const dialog = new SubmitDialog<void>({
    title: trans.__('Publish to hub…'),
    label: trans.__('Publish %1 to a SageMaker private hub', entry.title),
    body,
    buttons: [
      Dialog.cancelButton({ label: trans.__('Cancel') }),
      Dialog.okButton({ label: trans.__('Publish'), className: PUBLISH_CLASS })
    ],
    defaultButton: 1,
    hasClose: true,
    focusNodeSelector: 'input',
    onButton: () => publish()
  });
  dialog.addClass('sme-LaunchDialog');
  dialog.addClass('sme-DestinationDialog');
  return runDialog(dialog, body);
}
