/** The chips of the active filters: what each says, in display order. */
import type { TranslationBundle } from '@jupyterlab/translation';

import type { Vocabulary } from '../common/labels';
import { activeFilterKeys, FilterKey, IFilters } from './query';
import type { Kind } from '../api/types';

/** One removable chip. */
export interface IFilterChip {
  key: FilterKey;
  /** What the chip shows, e.g. "Data type: Tabular". */
  label: string;
}

/** "Models" or "Notebooks": a kind as a filter choice. */
export function kindFilterLabel(kind: Kind, trans: TranslationBundle): string {
  return kind === 'notebook' ? trans.__('Notebooks') : trans.__('Models');
}

/** "Model" or "Notebook": the kind of one entry. */
export function kindLabel(kind: Kind, trans: TranslationBundle): string {
  return kind === 'notebook' ? trans.__('Notebook') : trans.__('Model');
}

/** The chips of the filters that are set. */
export function filterChips(
  filters: IFilters,
  vocabulary: Vocabulary,
  trans: TranslationBundle
): IFilterChip[] {
  return activeFilterKeys(filters).map(key => ({
    key,
    label: chipLabel(key, filters, vocabulary, trans)
  }));
}

function chipLabel(
  key: FilterKey,
  filters: IFilters,
  vocabulary: Vocabulary,
  trans: TranslationBundle
): string {
  switch (key) {
    case 'kind':
      return trans.__('Kind: %1', kindFilterLabel(filters.kind!, trans));
    case 'data_type':
      return trans.__('Data type: %1', vocabulary.dataType(filters.data_type!));
    case 'task':
      return trans.__('ML task: %1', vocabulary.task(filters.task!));
    case 'framework':
      return trans.__(
        'Framework: %1',
        vocabulary.framework(filters.framework!)
      );
    default:
      return trans.__('Shared with Canvas');
  }
}
