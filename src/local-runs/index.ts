/**
 * Run locally: an entry's training script on this machine, in SageMaker's
 * training-container contract. Built on the catalog's `ISharedModels`; a
 * run shows in My launches and opens in its view (`ILaunches`).
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { ITranslator } from '@jupyterlab/translation';

import { LaunchClient } from '../api/launches';
import {
  enabledFor,
  entryFetcher,
  instanceLabels
} from '../catalog/entryCommands';
import { ILaunches, ISharedModels, TRANSLATION_DOMAIN } from '../tokens';
import { addRunLocallyCommand } from './command';

export interface ILocalRunOptions {
  app: JupyterFrontEnd;
  catalog: ISharedModels;
  launches: ILaunches;
  translator: ITranslator;
}

/** Register the Run locally command. */
export function addLocalRunFeatures(options: ILocalRunOptions): void {
  const { app, catalog, launches, translator } = options;
  const trans = translator.load(TRANSLATION_DOMAIN);
  addRunLocallyCommand({
    app,
    client: new LaunchClient(catalog.serverSettings),
    trans,
    fetchEntry: entryFetcher(catalog, trans),
    isEnabled: enabledFor(catalog, entry => entry.training !== null),
    instanceLabel: () => {
      void catalog.ensureOptions();
      return instanceLabels(catalog, 'training');
    },
    rules: async () => {
      await catalog.ensureOptions();
      const options = catalog.options;
      return options.status === 'ready' ? options.value.rules.local_runs : null;
    },
    onStarted: runId => {
      launches.launched();
      void launches.open('local-run', runId);
    }
  });
}
