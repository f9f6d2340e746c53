import type { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import type { TranslationBundle } from '@jupyterlab/translation';
import { UseSignal } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { EntryDetailsModel } from './model';
import type { CardAction } from '../catalog/EntryCard';
import { ErrorState } from '../common/states';
import { EntryDetails } from './EntryDetails';

export interface IDetailsViewProps {
  model: EntryDetailsModel;
  rendermime: IRenderMimeRegistry | null;
  /** Run Edit, Share… or Delete on the entry. */
  onAction: (action: Exclude<CardAction, 'details'>) => void;
  locale?: string;
  trans: TranslationBundle;
}

/** The details of an entry as it loads: loading, error with retry, fields. */
export function DetailsView(props: IDetailsViewProps): JSX.Element {
  const { model, rendermime, onAction, locale, trans } = props;
  const catalog = model.catalog;
  return (
    <UseSignal signal={catalog.stateChanged} initialSender={catalog}>
      {() => (
        <UseSignal signal={model.changed} initialSender={model}>
          {() => {
            const entry = model.entry;
            if (entry.status === 'loading') {
              return (
                <p className="sme-State sme-mod-loading" role="status">
                  {trans.__('Loading…')}
                </p>
              );
            }
            if (entry.status === 'error') {
              return (
                <ErrorState
                  title={trans.__('Could not load this entry.')}
                  error={entry.error}
                  onRetry={() => void model.load()}
                  trans={trans}
                />
              );
            }
            return (
              <EntryDetails
                entry={entry.value}
                isOwner={catalog.isOwner(entry.value)}
                vocabulary={catalog.vocabulary}
                extensions={catalog.extensions.items}
                rendermime={rendermime}
                onAction={onAction}
                onRefresh={() => void model.load()}
                checkDatasets={signal =>
                  catalog.client.checkEntryDatasets(entry.value.id, { signal })
                }
                locale={locale}
                trans={trans}
              />
            );
          }}
        </UseSignal>
      )}
    </UseSignal>
  );
}
