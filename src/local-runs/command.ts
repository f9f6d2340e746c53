/** The Run locally command: the dialog, then the run's view. */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { showErrorMessage } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { ENTRY_ARGS } from '../catalog/entryCommands';
import { CommandIDs } from '../tokens';
import type { IEntry, ILocalRunRules, ITrainingSpec } from '../api/types';
import type { LaunchClient } from '../api/launches';
import { pythonChoices } from './runForm';

export interface IRunLocallyCommandOptions {
  app: JupyterFrontEnd;
  client: LaunchClient;
  trans: TranslationBundle;
  /** The entry of a command, as the server has it now; null on failure. */
  fetchEntry: (args: ReadonlyPartialJSONObject) => Promise<IEntry | null>;
  /** Enabled for entries that may be trained. */
  isEnabled: (args: ReadonlyPartialJSONObject) => boolean;
  instanceLabel: () => (id: string) => string;
  /** The served defaults and limits of a run, once loaded (null: they could not be). */
  rules: () => Promise<ILocalRunRules | null>;
  /** A run started: list it and show it. */
  onStarted: (runId: string) => void;
}

export function addRunLocallyCommand(options: IRunLocallyCommandOptions): void {
  const { app, client, trans, fetchEntry, onStarted } = options;
  app.commands.addCommand(CommandIDs.runLocally, {
    label: trans.__('Run locally'),
    caption: trans.__(
      'Run a shared model’s training script on this machine, in the SageMaker training-container contract'
    ),
    describedBy: ENTRY_ARGS,
    isEnabled: options.isEnabled,
    execute: async args => {
      const entry = await fetchEntry(args);
      if (!entry) {
        return;
      }
      if (!entry.training) {
        await showErrorMessage(
          trans.__('Cannot run “%1” locally', entry.title),
          trans.__('Training is not enabled for this entry.')
        );
        return;
      }
      const kernelspecs = app.serviceManager.kernelspecs;
      const [rules] = await Promise.all([
        options.rules(),
        kernelspecs.ready.catch(() => undefined)
      ]);
      const { showRunLocallyDialog } = await import('./dialog');
      await showRunLocallyDialog({
        entry: entry as IEntry & { training: ITrainingSpec },
        client,
        trans,
        pythons: pythonChoices(kernelspecs.specs),
        instanceLabel: options.instanceLabel(),
        rules,
        onStarted: started => onStarted(started.run_id)
      });
    }
  });
}
