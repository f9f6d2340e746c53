import type { TranslationBundle } from '@jupyterlab/translation';
import { closeIcon } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { FilterKey } from './query';
import type { IFilterChip } from './filters';

export interface IFilterChipsProps {
  chips: ReadonlyArray<IFilterChip>;
  onRemove: (key: FilterKey) => void;
  onClear: () => void;
  trans: TranslationBundle;
}

/** The active filters, each removable; "Clear all" when there are several. */
export function FilterChips(props: IFilterChipsProps): JSX.Element | null {
  const { chips, onRemove, onClear, trans } = props;
  if (chips.length === 0) {
    return null;
  }
  return (
    <ul className="sme-FilterChips" aria-label={trans.__('Active filters')}>
      {chips.map(chip => (
        <li key={chip.key} className="sme-FilterChip">
          <span className="sme-FilterChip-label">{chip.label}</span>
          <button
            type="button"
            className="sme-FilterChip-remove"
            aria-label={trans.__('Remove %1', chip.label)}
            title={trans.__('Remove %1', chip.label)}
            onClick={() => onRemove(chip.key)}
          >
            <closeIcon.react tag="span" aria-hidden="true" />
          </button>
        </li>
      ))}
      {chips.length > 1 ? (
        <li className="sme-FilterChips-clear">
          <button type="button" className="sme-LinkButton" onClick={onClear}>
            {trans.__('Clear all')}
          </button>
        </li>
      ) : null}
    </ul>
  );
}
