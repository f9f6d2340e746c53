import * as React from 'react';

export interface IChoiceListProps<T> {
  /** The group's accessible name. */
  label: string;
  /** The radio group's name (unique per dialog). */
  name: string;
  items: ReadonlyArray<T>;
  keyOf: (item: T) => string;
  /** Items that cannot be chosen (e.g. a job of a built-in algorithm). */
  disabled?: (item: T) => boolean;
  selected: string | null;
  onSelect: (item: T) => void;
  /** Double-click: choose and close. */
  onPick?: (item: T) => void;
  render: (item: T) => React.ReactNode;
}

/**
 * A list of choices as a radio group: arrow keys move between them (the
 * browser's own radio behaviour), a double-click picks one.
 */
export function ChoiceList<T>(props: IChoiceListProps<T>): JSX.Element {
  const { label, name, items, keyOf, disabled, selected } = props;
  const { onSelect, onPick, render } = props;
  return (
    <div className="sme-ChoiceList" role="radiogroup" aria-label={label}>
      {items.map(item => {
        const key = keyOf(item);
        const off = disabled?.(item) ?? false;
        return (
          <label
            key={key}
            className={`sme-ChoiceList-item${key === selected ? ' sme-mod-selected' : ''}${
              off ? ' sme-mod-disabled' : ''
            }`}
            onDoubleClick={() => {
              if (!off) {
                onPick?.(item);
              }
            }}
          >
            <input
              type="radio"
              name={name}
              value={key}
              checked={key === selected}
              disabled={off}
              onChange={() => onSelect(item)}
            />
            <span className="sme-ChoiceList-content">{render(item)}</span>
          </label>
        );
      })}
    </div>
  );
}
