/**
 * What the commands on one catalog entry share (Edit, Delete, Train, Deploy…):
 * their `{id}` argument, and fetching that entry.
 */
import { showErrorMessage } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { asApiError } from '../common/errors';
import type { SharedModelsModel } from './model';
import type { IEntry } from '../api/types';

/** The `{id}` argument of the entry commands. */
export const ENTRY_ARGS = {
  args: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The ID of the catalog entry' }
    },
    required: ['id']
  }
} as const;

/**
 * Fetches the entry of a command, as the server has it now; on failure it
 * says so and resolves with null.
 */
export function entryFetcher(
  model: SharedModelsModel,
  trans: TranslationBundle
): (args: ReadonlyPartialJSONObject) => Promise<IEntry | null> {
  return async args => {
    const id = String(args.id ?? '');
    try {
      return await model.client.getEntry(id);
    } catch (reason) {
      await showErrorMessage(
        trans.__('Could not load “%1”', id),
        asApiError(reason)
      );
      return null;
    }
  };
}
