/**
 * The entry wizard's form model (src/common/form): its first value (the
 * entry to edit, the notebook to share, or an empty entry), the fields its
 * problems land on, and the server's dry run of the save as the user types.
 */
import * as React from 'react';

import type { SharedModelsClient } from '../api/catalog';
import type { IEntry, IRules, Kind } from '../api/types';
import { ValidationClient } from '../api/validation';
import { FormModel, useForm } from '../common/form';
import { bodyFromForm } from './body';
import { ALIASES, resolveEnvironment, visibleFields } from './fields';
import { emptyForm, formFromEntry, IEntryForm, shareForm } from './form';
import type { IEditTarget } from './save';

export interface IWizardModel {
  /** The form; the component renders again on each of its changes. */
  wizard: FormModel<IEntryForm>;
  /** What is being edited: read by the dry run, changed by a reload. */
  target: React.MutableRefObject<IEditTarget | null>;
}

export function useWizardModel(options: {
  client: SharedModelsClient;
  kind: Kind;
  entry?: IEntry;
  notebookPath?: string;
  /** "Share notebook…": no dry run. */
  sharing: boolean;
  /** The served rules (`GET /options` → `rules`). */
  rules: IRules;
}): IWizardModel {
  const { client, kind, entry, notebookPath, sharing, rules } = options;
  const target = React.useRef<IEditTarget | null>(
    entry ? { id: entry.id, version: entry.version } : null
  );
  const [wizard] = React.useState(() => {
    const validation = new ValidationClient(client.serverSettings);
    return new FormModel<IEntryForm>({
      value: entry
        ? formFromEntry(entry)
        : notebookPath !== undefined
          ? shareForm(notebookPath)
          : emptyForm(kind),
      fields: form => visibleFields(form, rules),
      aliases: ALIASES,
      resolve: resolveEnvironment,
      // "Share notebook…" uploads on save; its route has no dry run.
      validate: sharing
        ? undefined
        : (form, signal) => {
            const body = bodyFromForm(form, rules);
            const edited = target.current;
            return edited
              ? validation.replaceEntry(
                  edited.id,
                  { ...body, id: edited.id },
                  edited.version,
                  { signal }
                )
              : validation.createEntry(body, { signal });
          }
    });
  });
  // Not disposed on unmount: React may run this cleanup and mount again
  // with the same state; a check on its way is dropped, nothing else held.
  React.useEffect(() => () => wizard.cancelCheck(), [wizard]);
  useForm(wizard);
  return { wizard, target };
}
