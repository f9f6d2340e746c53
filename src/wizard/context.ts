/**
 * What every part of the wizard needs: the translator, the vocabularies, the
 * field errors, and stable element ids.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { SharedModelsClient } from '../api/catalog';
import type { IOptions } from '../api/types';

export interface IWizardContext {
  trans: TranslationBundle;
  /** The API client (S3 browsing and checks, dataset checks). */
  client: SharedModelsClient;
  /** The vocabularies of `GET /options`. */
  options: IOptions;
  /** Prefix of the element ids of this wizard (unique per wizard). */
  idPrefix: string;
  /** The problem shown on the field at `path`, if any. */
  errorOf: (path: string) => string | undefined;
  /** The user left the field at `path`: the server's problem with it may show. */
  touch: (path: string) => void;
}

export const WizardContext = React.createContext<IWizardContext | null>(null);

/** The wizard's context (inside `WizardContext.Provider` only). */
export function useWizard(): IWizardContext {
  const context = React.useContext(WizardContext);
  if (context === null) {
    throw new Error('useWizard() outside of the entry wizard');
  }
  return context;
}

/**
 * The element id of the field at `path`: `prefix--training-channels-0-uri`
 * (the double hyphen keeps field ids apart from the wizard's other ids).
 */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}--${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
