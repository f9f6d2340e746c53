/**
 * What the commands on one catalog entry share (Edit, Delete, Train, Deploy…):
 * their `{id}` argument, fetching that entry, whether the listed entry
 * allows them, the labels of its instance types.
 */
import { showErrorMessage } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { asApiError } from '../common/errors';
import type { IEntry } from '../api/types';
import type { ISharedModels } from '../tokens';

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
  source: Pick<ISharedModels, 'getEntry'>,
  trans: TranslationBundle
): (args: ReadonlyPartialJSONObject) => Promise<IEntry | null> {
  return async args => {
    const id = String(args.id ?? '');
    try {
      return await source.getEntry(id);
    } catch (reason) {
      await showErrorMessage(
        trans.__('Could not load “%1”', id),
        asApiError(reason)
      );
      return null;
    }
  };
}

/**
 * `isEnabled` of an entry command: what `allows` says of the listed entry
 * (true for an entry the list has not loaded: the command checks it then).
 */
export function enabledFor(
  catalog: Pick<ISharedModels, 'findEntry'>,
  allows: (entry: IEntry) => boolean
): (args: ReadonlyPartialJSONObject) => boolean {
  return args => {
    const entry = catalog.findEntry(String(args.id ?? ''));
    return entry === undefined || allows(entry);
  };
}

/** The labels of the instance types of `scope`, as loaded now (ids until then). */
export function instanceLabels(
  catalog: Pick<ISharedModels, 'options'>,
  scope: 'training' | 'inference'
): (id: string) => string {
  const options = catalog.options;
  const labels = new Map<string, string>();
  if (options.status === 'ready') {
    for (const item of options.value.instance_types[scope]) {
      labels.set(item.id, item.label);
    }
  }
  return (id: string): string => labels.get(id) ?? id;
}
