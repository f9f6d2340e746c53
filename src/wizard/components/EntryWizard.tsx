import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { SharedModelsClient } from '../../api/catalog';
import type { IEntry, IOptions, Kind } from '../../api/types';
import { asApiError } from '../save';
import { WizardForm } from './WizardForm';

export interface IEntryWizardProps {
  client: SharedModelsClient;
  trans: TranslationBundle;
  kind: Kind;
  entry?: IEntry;
  /** "Share notebook…": the workspace notebook to upload and list. */
  notebookPath?: string;
  /** Unique per wizard: prefixes every element id. */
  idPrefix: string;
  onSaved: (entry: IEntry) => void;
  onCancel: () => void;
}

type OptionsState =
  | { status: 'loading' }
  | { status: 'ready'; value: IOptions }
  | { status: 'error'; message: string };

/** The wizard: loads the vocabularies once, then shows the form. */
export function EntryWizard(props: IEntryWizardProps): JSX.Element {
  const { client, trans } = props;
  const [options, setOptions] = React.useState<OptionsState>({
    status: 'loading'
  });
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let current = true;
    setOptions({ status: 'loading' });
    client
      .options()
      .then(value => current && setOptions({ status: 'ready', value }))
      .catch(
        reason =>
          current &&
          setOptions({ status: 'error', message: asApiError(reason).message })
      );
    return () => {
      current = false;
    };
  }, [client, attempt]);

  if (options.status === 'loading') {
    return (
      <div className="sme-Wizard-state" role="status">
        {trans.__('Loading the wizard’s choices…')}
      </div>
    );
  }
  if (options.status === 'error') {
    return (
      <div className="sme-Wizard-state sme-Notice sme-mod-error" role="alert">
        <p className="sme-Notice-title">
          {trans.__(
            'Could not load the choices (data types, tasks, frameworks…).'
          )}
        </p>
        <p>{options.message}</p>
        <button
          type="button"
          className="sme-WizardButton sme-mod-primary"
          onClick={() => setAttempt(n => n + 1)}
        >
          {trans.__('Retry')}
        </button>
      </div>
    );
  }
  return <WizardForm {...props} options={options.value} />;
}
