/**
 * Client-side checks of one hyperparameter row: its name, its range of valid
 * values by type, and that the default fits the range. The ranges each
 * scaling allows (e.g. reverse-logarithmic needs max < 1) are the server's.
 */
import type { IHyperparameterRow } from './form';
import { splitValues } from './form';
import { hasControlChars } from './uris';
import type { Problems } from './validate';

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
/** Hyperparameters Shared Models sets itself in script mode. */
const RESERVED = ['sagemaker_program', 'sagemaker_submit_directory'];
const MAX_VALUE = 2500;

export function checkHyperparameter(
  row: IHyperparameterRow,
  path: string,
  problems: Problems
): void {
  const { trans } = problems;
  if (problems.required(`${path}.name`, row.name, trans.__('Enter a name.'))) {
    problems.text(`${path}.name`, row.name.trim(), 256);
    if (RESERVED.includes(row.name.trim())) {
      problems.add(
        `${path}.name`,
        trans.__(
          "'%1' is set by Shared Models in script mode; use another name.",
          row.name.trim()
        )
      );
    }
  }
  const value = row.type === 'free-text' ? row.default : row.default.trim();
  if (value.length > MAX_VALUE) {
    problems.add(
      `${path}.default`,
      trans.__('Use at most %1 characters.', MAX_VALUE)
    );
    return;
  }
  if (row.type === 'integer' || row.type === 'continuous') {
    const pattern = row.type === 'integer' ? INTEGER : DECIMAL;
    const message =
      row.type === 'integer'
        ? trans.__('Enter a whole number.')
        : trans.__('Enter a number.');
    const min = row.min.trim();
    const max = row.max.trim();
    const minOk = pattern.test(min);
    const maxOk = pattern.test(max);
    if (!minOk) {
      problems.add(`${path}.min`, message);
    }
    if (!maxOk) {
      problems.add(`${path}.max`, message);
    }
    if (minOk && maxOk && Number(min) >= Number(max)) {
      problems.add(
        `${path}.max`,
        trans.__('Must be greater than the minimum (%1).', min)
      );
    } else if (minOk && maxOk) {
      const number = Number(value);
      if (
        !pattern.test(value) ||
        !(Number(min) <= number && number <= Number(max))
      ) {
        problems.add(
          `${path}.default`,
          row.type === 'integer'
            ? trans.__('Enter a whole number between %1 and %2.', min, max)
            : trans.__('Enter a number between %1 and %2.', min, max)
        );
      }
    }
  } else if (row.type === 'categorical') {
    const values = splitValues(row.values);
    if (values.length === 0) {
      problems.add(
        `${path}.values`,
        trans.__('Enter the allowed values, separated by commas.')
      );
    } else if (new Set(values).size !== values.length) {
      problems.add(`${path}.values`, trans.__('List each value once.'));
    } else if (
      values.some(item => item.length > MAX_VALUE || hasControlChars(item))
    ) {
      problems.add(
        `${path}.values`,
        trans.__('Each value is one line of at most %1 characters.', MAX_VALUE)
      );
    } else if (!values.includes(value)) {
      problems.add(
        `${path}.default`,
        trans.__('Choose one of the allowed values.')
      );
    }
  } else if (hasControlChars(value)) {
    problems.add(
      `${path}.default`,
      trans.__('Must not contain line breaks or other control characters.')
    );
  }
}
