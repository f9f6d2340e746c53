import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { CatalogTab } from './settings';
import { TABS } from './settings';

export interface ITabsProps {
  selected: CatalogTab;
  onSelect: (tab: CatalogTab) => void;
  /** The id of the element the tabs control (the list, a `tabpanel`). */
  panelId: string;
  /** Prefix of the tab element ids (`<prefix>-<tab>`). */
  idPrefix: string;
  trans: TranslationBundle;
}

/** The label of a catalog tab. */
export function tabLabel(tab: CatalogTab, trans: TranslationBundle): string {
  switch (tab) {
    case 'mine':
      return trans.__('Shared by me');
    case 'shared-with-me':
      return trans.__('Shared with me');
    default:
      return trans.__('Shared by my organization');
  }
}

/**
 * The three catalog tabs, as a WAI-ARIA tab list: one tab stop (the selected
 * tab); arrow keys, Home and End move between tabs and select them.
 */
export function Tabs(props: ITabsProps): JSX.Element {
  const { selected, onSelect, panelId, idPrefix, trans } = props;
  const refs = React.useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (event: React.KeyboardEvent, index: number): void => {
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = (index + 1) % TABS.length;
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = (index - 1 + TABS.length) % TABS.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = TABS.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    refs.current[next]?.focus();
    onSelect(TABS[next]);
  };

  return (
    <div
      className="sme-Tabs"
      role="tablist"
      aria-label={trans.__('Catalog')}
      aria-orientation="horizontal"
    >
      {TABS.map((tab, index) => {
        const isSelected = tab === selected;
        return (
          <button
            key={tab}
            ref={node => {
              refs.current[index] = node;
            }}
            id={`${idPrefix}-${tab}`}
            type="button"
            role="tab"
            className={`sme-Tab${isSelected ? ' sme-mod-selected' : ''}`}
            aria-selected={isSelected}
            aria-controls={panelId}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab)}
            onKeyDown={event => onKeyDown(event, index)}
          >
            {tabLabel(tab, trans)}
          </button>
        );
      })}
    </div>
  );
}
