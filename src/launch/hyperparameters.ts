/**
 * The checks of a hyperparameter value against the entry's range — the same
 * rules as the server's `check()` (shared_models_ext/schemas/hyperparameters.py),
 * so the Train dialog can say what is wrong while the user types. The server
 * checks again on launch, and its 400 details are the final word.
 */
import type { TranslationBundle } from '@jupyterlab/translation';

import type { IHyperparameterSpec } from '../api/types';

export const MAX_HYPERPARAMETER_VALUE = 2500;

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** `1` for 1.0, `0.001` for 1e-3: how a bound reads in a message. */
export function formatNumber(value: number): string {
  return String(value);
}

/**
 * The problem with `value` for `spec` in plain words, or null when it fits.
 */
export function checkHyperparameterValue(
  spec: IHyperparameterSpec,
  value: string,
  trans: TranslationBundle
): string | null {
  if (value.length > MAX_HYPERPARAMETER_VALUE) {
    return trans.__('Use at most %1 characters.', MAX_HYPERPARAMETER_VALUE);
  }
  switch (spec.type) {
    case 'integer': {
      if (INTEGER.test(value)) {
        const number = Number(value);
        if (spec.min <= number && number <= spec.max) {
          return null;
        }
      }
      return trans.__(
        'Enter a whole number between %1 and %2.',
        spec.min,
        spec.max
      );
    }
    case 'continuous': {
      if (DECIMAL.test(value)) {
        const number = Number(value);
        if (
          Number.isFinite(number) &&
          spec.min <= number &&
          number <= spec.max
        ) {
          return null;
        }
      }
      return trans.__(
        'Enter a number between %1 and %2.',
        formatNumber(spec.min),
        formatNumber(spec.max)
      );
    }
    case 'categorical':
      return spec.values.includes(value)
        ? null
        : trans.__('Choose one of: %1.', spec.values.join(', '));
    default:
      return CONTROL.test(value)
        ? trans.__('Must not contain line breaks or other control characters.')
        : null;
  }
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

/** Every problem of `values`, by hyperparameter name (empty when all fit). */
export function checkHyperparameters(
  specs: ReadonlyArray<IHyperparameterSpec>,
  values: Readonly<Record<string, string>>,
  trans: TranslationBundle
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const spec of specs) {
    const problem = checkHyperparameterValue(
      spec,
      values[spec.name] ?? spec.default,
      trans
    );
    if (problem) {
      problems[spec.name] = problem;
    }
  }
  return problems;
}

/** The values the dialog starts with: each hyperparameter's default. */
export function defaultValues(
  specs: ReadonlyArray<IHyperparameterSpec>
): Record<string, string> {
  return Object.fromEntries(specs.map(spec => [spec.name, spec.default]));
}
