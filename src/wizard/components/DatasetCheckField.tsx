import * as React from 'react';

import {
  DatasetCheckResult,
  useDatasetCheck
} from '../../datasets/DatasetCheck';
import { useWizard } from '../context';

/** How long both URIs must stay unchanged before the automatic check (ms). */
export const AUTO_CHECK_DELAY = 800;

export interface IDatasetCheckFieldProps {
  training: string;
  validation: string;
  /** Milliseconds before the automatic check (tests). */
  delay?: number;
}

/**
 * "Check datasets": compares the CSV headers of the training and validation
 * datasets. Runs by itself once both URIs are set (and again when either
 * changes); what it finds is a warning, never a block.
 */
export function DatasetCheckField(props: IDatasetCheckFieldProps): JSX.Element {
  const { trans, client, errorOf } = useWizard();
  const training = props.training.trim();
  const validation = props.validation.trim();
  const delay = props.delay ?? AUTO_CHECK_DELAY;
  const ready =
    training !== '' &&
    validation !== '' &&
    // Not while the server says either URI is wrong.
    errorOf('training.training_data_uri') === undefined &&
    errorOf('training.validation_data_uri') === undefined;
  const { state, run, reset } = useDatasetCheck(signal =>
    client.checkDatasets(
      { training_data_uri: training, validation_data_uri: validation },
      { signal }
    )
  );
  const checked = React.useRef<string | null>(null);
  const pair = `${training}\n${validation}`;

  React.useEffect(() => {
    if (!ready) {
      checked.current = null;
      reset();
      return;
    }
    if (checked.current === pair) {
      return;
    }
    const timer = setTimeout(() => {
      checked.current = pair;
      void run();
    }, delay);
    return () => clearTimeout(timer);
  }, [pair, ready]);

  return (
    <div className="sme-DatasetCheckField">
      <div className="sme-DatasetCheckField-actions">
        <button
          type="button"
          className="sme-WizardButton"
          disabled={!ready}
          title={
            ready
              ? trans.__(
                  'Compare the CSV headers of the training and validation datasets'
                )
              : trans.__(
                  'Enter the training and validation dataset S3 URIs first'
                )
          }
          onClick={() => {
            checked.current = pair;
            void run();
          }}
        >
          {trans.__('Check datasets')}
        </button>
        <span className="sme-Field-hint">
          {trans.__(
            'Only CSV data can be checked: the first line of each dataset is compared.'
          )}
        </span>
      </div>
      <DatasetCheckResult
        state={state}
        trans={trans}
        mismatchNote={trans.__(
          'This is a warning: you can still save the model.'
        )}
      />
    </div>
  );
}
