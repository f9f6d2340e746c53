/**
 * A local run's view in the main area: one per run id, following the run
 * (status and log about once a second) until it ends or the view closes.
 */
import { Dialog, MainAreaWidget, showDialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import type { CommandRegistry } from '@lumino/commands';
import * as React from 'react';

import { sharedModelsIcon } from '../common/icons';
import { CommandIDs } from '../tokens';
import type { LaunchClient } from '../api/launches';
import { notifyStopFailure } from '../launch/stopFailure';
import { LogView } from './logView';
import { RunView } from './RunView';
import { LocalRunModel } from './runModel';
import { ILocalRunStatus, userHyperparameters } from './types';

/** The command that shows a workspace folder in the file browser. */
export const GO_TO_PATH_COMMAND = 'filebrowser:go-to-path';

export interface ILocalRunWidgetOptions {
  name: string;
  client: LaunchClient;
  commands: CommandRegistry;
  trans: TranslationBundle;
  locale?: string;
}

export class LocalRunWidget extends MainAreaWidget<ReactWidget> {
  constructor(options: ILocalRunWidgetOptions) {
    const { name, client, commands, trans, locale } = options;
    const model = new LocalRunModel({ runId: name, client });
    const log = new LogView({ label: trans.__('Log') });
    model.logReceived.connect((_, text) => log.append(text));
    const self: { widget: LocalRunWidget | null } = { widget: null };
    const content = ReactWidget.create(
      React.createElement(StoppableRunView, {
        model,
        log,
        onStop: () => self.widget?.stop() ?? Promise.resolve(),
        onTrain: (run: ILocalRunStatus) =>
          void commands.execute(CommandIDs.train, {
            id: run.entry_id,
            hyperparameters: userHyperparameters(run.hyperparameters)
          }),
        onOpenFolder: (path: string) =>
          void commands.execute(GO_TO_PATH_COMMAND, { path }),
        locale,
        trans
      })
    );
    content.addClass('sme-LaunchViewContent');
    super({ content });
    self.widget = this;
    this.name = name;
    this.poller = model;
    this.log = log;
    this._client = client;
    this._trans = trans;
    this.id = localRunViewId(name);
    this.addClass('sme-LaunchViewWidget');
    this.title.icon = sharedModelsIcon;
    this.title.label = trans.__('Local run %1', name);
    this.title.caption = trans.__('Local training run: %1', name);
    this.title.closable = true;
    void model.refresh();
  }

  readonly name: string;
  /** The run's status and log (named like the other views' pollers). */
  readonly poller: LocalRunModel;
  readonly log: LogView;

  /** Ask to stop the run (after confirmation). */
  async stop(): Promise<void> {
    const trans = this._trans;
    const result = await showDialog({
      title: trans.__('Stop local run %1?', this.name),
      body: trans.__(
        'The script gets SIGTERM, then SIGKILL if it does not end. What it saved so far stays in the run folder; no model.tar.gz is written.'
      ),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Keep running') }),
        Dialog.warnButton({ label: trans.__('Stop run') })
      ]
    });
    if (!result.button.accept || this.isDisposed) {
      return;
    }
    try {
      this.poller.set(await this._client.stopLocalRun(this.name));
    } catch (reason) {
      notifyStopFailure(reason, this.name, trans);
    }
    if (!this.isDisposed) {
      await this.poller.refresh();
    }
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.poller.dispose();
    this.log.dispose();
    super.dispose();
  }

  private _client: LaunchClient;
  private _trans: TranslationBundle;
}

/** The main-area id of a local run's view. */
export function localRunViewId(runId: string): string {
  return `sme-local-run-${runId}`;
}

/** The run view with the busy state of Stop. */
function StoppableRunView(
  props: Omit<React.ComponentProps<typeof RunView>, 'stopping' | 'onStop'> & {
    onStop: () => Promise<void>;
  }
): JSX.Element {
  const [stopping, setStopping] = React.useState(false);
  const onStop = (): void => {
    setStopping(true);
    void props.onStop().finally(() => setStopping(false));
  };
  return React.createElement(RunView, { ...props, stopping, onStop });
}
