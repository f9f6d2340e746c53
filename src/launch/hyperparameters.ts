/**
 * What the launch forms say about an entry's hyperparameters: the range of
 * each (from the entry, for the field's hint) and the values they start
 * with. Whether a value fits is the server's to say (its `check()` runs on
 * every dry run and launch).
 */
import type { TranslationBundle } from '@jupyterlab/translation';

import type { IHyperparameterSpec } from '../api/types';

/** `1` for 1.0, `0.001` for 1e-3: how a bound reads in a message. */
export function formatNumber(value: number): string {
  return String(value);
}

/** A short description of the valid values, e.g. "Whole number, 1 to 12". */
export function describeRange(
  spec: IHyperparameterSpec,
  trans: TranslationBundle
): string {
  switch (spec.type) {
    case 'integer':
      return trans.__('Whole number from %1 to %2', spec.min, spec.max);
    case 'continuous':
      return trans.__(
        'Number from %1 to %2 (%3 scaling)',
        formatNumber(spec.min),
        formatNumber(spec.max),
        spec.scaling
      );
    case 'categorical':
      return trans.__('One of: %1', spec.values.join(', '));
    default:
      return trans.__('Free text');
  }
}

/** The values the dialog starts with: each hyperparameter's default. */
export function defaultValues(
  specs: ReadonlyArray<IHyperparameterSpec>
): Record<string, string> {
  return Object.fromEntries(specs.map(spec => [spec.name, spec.default]));
}
