/**
 * A local run's view in the main area: one per run id, following the run
 * (status and log about once a second) until it ends or the view closes.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import type { CommandRegistry } from '@lumino/commands';
import * as React from 'react';

import { CommandIDs } from '../tokens';
import type { LaunchClient } from '../api/launches';
import { StoppableViewWidget } from '../launch/launchViewWidget';
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

export class LocalRunWidget extends StoppableViewWidget<LocalRunModel> {
  constructor(options: ILocalRunWidgetOptions) {
    const { name, client, commands, trans, locale } = options;
    const model = new LocalRunModel({ runId: name, client });
    const log = new LogView({ label: trans.__('Log') });
    model.logReceived.connect((_, text) => log.append(text));
    super({
      name,
      poller: model,
      view: (stopping, onStop) =>
        React.createElement(RunView, {
          model,
          log,
          stopping,
          onStop,
          onTrain: (run: ILocalRunStatus) =>
            void commands.execute(CommandIDs.train, {
              id: run.entry_id,
              hyperparameters: userHyperparameters(run.hyperparameters)
            }),
          onOpenFolder: (path: string) =>
            void commands.execute(GO_TO_PATH_COMMAND, { path }),
          locale,
          trans
        }),
      id: localRunViewId(name),
      label: trans.__('Local run %1', name),
      caption: trans.__('Local training run: %1', name),
      owned: [log],
      confirm: {
        title: trans.__('Stop local run %1?', name),
        body: trans.__(
          'The script gets SIGTERM, then SIGKILL if it does not end. What it saved so far stays in the run folder; no model.tar.gz is written.'
        ),
        stopLabel: trans.__('Stop run')
      },
      trans
    });
    this.log = log;
    this._client = client;
  }

  /** The live log (the run's status and log come from `poller`). */
  readonly log: LogView;

  /** Stop the run; its answer is the run's status. */
  protected async requestStop(): Promise<void> {
    this.poller.set(await this._client.stopLocalRun(this.name));
  }

  private _client: LaunchClient;
}

/** The main-area id of a local run's view. */
export function localRunViewId(runId: string): string {
  return `sme-local-run-${runId}`;
}
