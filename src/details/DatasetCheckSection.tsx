import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { IDatasetCheck } from '../api/types';
import { DatasetCheckResult, useDatasetCheck } from '../datasets/DatasetCheck';

/**
 * "Check datasets" on a model's details: do the CSV headers of its training
 * and validation datasets (or of its train and validation channels) agree?
 */
export function DatasetCheckSection(props: {
  check: (signal: AbortSignal) => Promise<IDatasetCheck>;
  trans: TranslationBundle;
}): JSX.Element {
  const { check, trans } = props;
  const { state, run } = useDatasetCheck(check);
  return (
    <div className="sme-DatasetCheckSection">
      <div className="sme-DatasetCheckSection-actions">
        <button type="button" className="sme-Button" onClick={() => void run()}>
          {trans.__('Check datasets')}
        </button>
        <span className="sme-Muted">
          {trans.__(
            'Compares the CSV headers of the training and validation datasets (only CSV data can be checked).'
          )}
        </span>
      </div>
      <DatasetCheckResult state={state} trans={trans} />
    </div>
  );
}
