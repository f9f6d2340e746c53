/** Pieces the destination dialogs share. */
import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

/**
 * The server's warnings about a request (e.g. an image Clean Rooms ML cannot
 * pull), readable before anything is sent; announced when they change.
 */
export function DestinationWarnings(props: {
  warnings: ReadonlyArray<string>;
  trans: TranslationBundle;
}): JSX.Element {
  const { warnings, trans } = props;
  return (
    <div className="sme-DestinationWarnings" aria-live="polite">
      {warnings.length > 0 ? (
        <div
          className="sme-DestinationWarnings-box"
          role="group"
          aria-label={trans.__('Warnings')}
        >
          <p className="sme-DestinationWarnings-heading">
            <span className="sme-DestinationWarnings-icon" aria-hidden="true">
              ⚠
            </span>
            {warnings.length === 1 ? trans.__('Warning') : trans.__('Warnings')}
          </p>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** "Checking…" while the server looks at the form, or why it could not. */
export function LiveCheckNote(props: {
  pending: boolean;
  failure: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { pending, failure, trans } = props;
  return (
    <p className="sme-DestinationCheck" aria-live="polite">
      {pending
        ? trans.__('Checking with the server…')
        : failure
          ? trans.__('The server could not check the form: %1', failure)
          : ''}
    </p>
  );
}
