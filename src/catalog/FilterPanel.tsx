import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { Vocabulary } from '../common/labels';
import type { FilterKey, IFilters } from './query';
import type { Kind } from '../api/types';
import { kindFilterLabel } from './filters';

export interface IFilterPanelProps {
  /** The popover's id (the Filter button's `aria-controls`). */
  id: string;
  filters: IFilters;
  vocabulary: Vocabulary;
  /** Why the vocabularies could not be loaded, if they could not. */
  optionsError: string | null;
  onChange: <K extends FilterKey>(
    key: K,
    value: IFilters[K] | '' | undefined
  ) => void;
  onClear: () => void;
  /** Close; `restoreFocus` puts the focus back on the Filter button. */
  onClose: (restoreFocus: boolean) => void;
  trans: TranslationBundle;
}

const KINDS: ReadonlyArray<Kind> = ['model', 'notebook'];

/**
 * The facet filters, in a non-modal popover: kind, data type, ML task,
 * framework and Canvas sharing. Changes apply at once. Escape (or a click
 * outside) closes it.
 */
export function FilterPanel(props: IFilterPanelProps): JSX.Element {
  const { id, filters, vocabulary, optionsError, onChange, onClear, onClose } =
    props;
  const { trans } = props;
  const node = React.useRef<HTMLDivElement>(null);
  const close = React.useRef(onClose);
  close.current = onClose;

  React.useEffect(() => {
    node.current?.querySelector<HTMLElement>('input, select, button')?.focus();
    const onPointerDown = (event: MouseEvent): void => {
      const target = event.target as Node | null;
      const popover = node.current;
      // The Filter button toggles the popover itself.
      const toggle = document.querySelector(`[aria-controls="${id}"]`);
      if (
        popover &&
        target &&
        !popover.contains(target) &&
        !toggle?.contains(target)
      ) {
        close.current(false);
      }
    };
    document.addEventListener('mousedown', onPointerDown, true);
    return () => {
      document.removeEventListener('mousedown', onPointerDown, true);
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
    }
  };

  const tasks = filters.data_type
    ? [
        {
          dataType: { id: filters.data_type, label: '' },
          tasks: vocabulary.tasksOf(filters.data_type) ?? []
        }
      ]
    : vocabulary.taskGroups;

  return (
    <div
      id={id}
      ref={node}
      className="sme-FilterPanel"
      role="dialog"
      aria-label={trans.__('Filters')}
      onKeyDown={onKeyDown}
    >
      <fieldset className="sme-FilterPanel-field">
        <legend>{trans.__('Kind')}</legend>
        <div className="sme-FilterPanel-radios">
          <label>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={!filters.kind}
              onChange={() => onChange('kind', undefined)}
            />
            {trans.__('All')}
          </label>
          {KINDS.map(kind => (
            <label key={kind}>
              <input
                type="radio"
                name={`${id}-kind`}
                checked={filters.kind === kind}
                onChange={() => onChange('kind', kind)}
              />
              {kindFilterLabel(kind, trans)}
            </label>
          ))}
        </div>
      </fieldset>

      <FilterSelect
        id={`${id}-data-type`}
        label={trans.__('Data type')}
        anyLabel={trans.__('Any data type')}
        value={filters.data_type ?? ''}
        onChange={value =>
          onChange('data_type', value as IFilters['data_type'])
        }
      >
        {vocabulary.dataTypes.map(choice => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </FilterSelect>

      <FilterSelect
        id={`${id}-task`}
        label={trans.__('ML task')}
        anyLabel={trans.__('Any ML task')}
        value={filters.task ?? ''}
        onChange={value => onChange('task', value)}
      >
        {tasks.map(group =>
          filters.data_type ? (
            group.tasks.map(task => (
              <option key={task.id} value={task.id}>
                {task.label}
              </option>
            ))
          ) : (
            <optgroup key={group.dataType.id} label={group.dataType.label}>
              {group.tasks.map(task => (
                <option key={task.id} value={task.id}>
                  {task.label}
                </option>
              ))}
            </optgroup>
          )
        )}
      </FilterSelect>

      <FilterSelect
        id={`${id}-framework`}
        label={trans.__('Framework')}
        anyLabel={trans.__('Any framework')}
        value={filters.framework ?? ''}
        onChange={value => onChange('framework', value)}
      >
        {vocabulary.frameworks.map(choice => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </FilterSelect>

      <label className="sme-FilterPanel-check">
        <input
          type="checkbox"
          checked={filters.canvas === true}
          onChange={event =>
            onChange('canvas', event.currentTarget.checked || undefined)
          }
          aria-describedby={`${id}-canvas-hint`}
        />
        {trans.__('Shared with Canvas')}
      </label>
      <p id={`${id}-canvas-hint`} className="sme-FilterPanel-hint">
        {trans.__('Tabular models shared with SageMaker Canvas users.')}
      </p>

      {optionsError ? (
        <p className="sme-FilterPanel-error" role="alert">
          {trans.__('Could not load the filter choices: %1', optionsError)}
        </p>
      ) : null}

      <div className="sme-FilterPanel-footer">
        <button type="button" className="sme-LinkButton" onClick={onClear}>
          {trans.__('Clear all')}
        </button>
        <button
          type="button"
          className="sme-Button sme-mod-primary"
          onClick={() => onClose(true)}
        >
          {trans.__('Done')}
        </button>
      </div>
    </div>
  );
}

interface IFilterSelectProps {
  id: string;
  label: string;
  anyLabel: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}

function FilterSelect(props: IFilterSelectProps): JSX.Element {
  const { id, label, anyLabel, value, onChange, children } = props;
  return (
    <div className="sme-FilterPanel-field">
      <label htmlFor={id}>{label}</label>
      <div className="jp-select-wrapper">
        <select
          id={id}
          className="jp-mod-styled"
          value={value}
          onChange={event => onChange(event.currentTarget.value)}
        >
          <option value="">{anyLabel}</option>
          {children}
        </select>
      </div>
    </div>
  );
}
