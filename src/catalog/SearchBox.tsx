import type { TranslationBundle } from '@jupyterlab/translation';
import { closeIcon, searchIcon } from '@jupyterlab/ui-components';
import * as React from 'react';

export interface ISearchBoxProps {
  value: string;
  /** Every keystroke (the model debounces the search). */
  onChange: (value: string) => void;
  /** Enter: search now. */
  onSubmit: () => void;
  /** The served maximum (`rules.search.max_length`), once loaded. */
  maxLength?: number;
  trans: TranslationBundle;
}

/** The catalog search: title, description and keywords, on the server. */
export function SearchBox(props: ISearchBoxProps): JSX.Element {
  const { value, onChange, onSubmit, maxLength, trans } = props;
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <div className="sme-SearchBox">
      <searchIcon.react
        className="sme-SearchBox-icon"
        tag="span"
        aria-hidden="true"
      />
      <input
        ref={input}
        className="sme-SearchBox-input"
        type="search"
        role="searchbox"
        aria-label={trans.__('Search shared models')}
        placeholder={trans.__('Search')}
        title={trans.__('Search titles, descriptions and keywords')}
        value={value}
        maxLength={maxLength}
        spellCheck={false}
        onChange={event => onChange(event.currentTarget.value)}
        onKeyDown={event => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onSubmit();
          } else if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            event.stopPropagation();
            onChange('');
            onSubmit();
          }
        }}
      />
      {value !== '' ? (
        <button
          type="button"
          className="sme-SearchBox-clear"
          aria-label={trans.__('Clear search')}
          title={trans.__('Clear search')}
          onClick={() => {
            onChange('');
            onSubmit();
            input.current?.focus();
          }}
        >
          <closeIcon.react tag="span" aria-hidden="true" />
        </button>
      ) : null}
    </div>
  );
}
