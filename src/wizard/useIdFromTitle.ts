/**
 * The ID field of a new entry follows its title: the server's suggestion for
 * the title (useIdSuggestion.ts), until the user types an ID of their own.
 */
import * as React from 'react';

import type { SharedModelsClient } from '../api/catalog';
import type { Kind } from '../api/types';
import type { IEntryForm } from './form';
import { IIdSuggestion, useIdSuggestion } from './useIdSuggestion';

export interface IIdFromTitle {
  /** The server's suggestion (its `pending` shows in the ID field). */
  suggestion: IIdSuggestion;
  onTitleChange: (title: string) => void;
  onIdChange: (id: string) => void;
}

export function useIdFromTitle(options: {
  client: SharedModelsClient;
  kind: Kind;
  /** The form as it is now. */
  form: IEntryForm;
  update: (change: (form: IEntryForm) => IEntryForm) => void;
  /** A new entry: its ID follows the title. */
  autoId: boolean;
  /** "Share notebook…": the title is prefilled from the notebook's name. */
  sharing: boolean;
}): IIdFromTitle {
  const { client, kind, form, update, autoId, sharing } = options;
  const idEdited = React.useRef(false);
  const suggestion = useIdSuggestion(client, kind);

  // A title prefilled from the notebook's name: ask for its free ID too.
  React.useEffect(() => {
    const title = form.title;
    if (sharing && title.trim() !== '') {
      suggestion.request(title, (id, asked) =>
        update(f => (f.title === asked && !idEdited.current ? { ...f, id } : f))
      );
    }
  }, []);

  const onTitleChange = (title: string): void => {
    const auto = autoId && !idEdited.current;
    // No title, no ID; else the ID stays until the server suggests one.
    update(f => ({ ...f, title, id: auto && !title.trim() ? '' : f.id }));
    if (auto) {
      suggestion.request(title, (id, asked) =>
        update(f => (f.title === asked && !idEdited.current ? { ...f, id } : f))
      );
    }
  };
  const onIdChange = (id: string): void => {
    // Typed by hand: no more auto-filling (until the field is cleared).
    idEdited.current = id.trim() !== '';
    if (idEdited.current) {
      suggestion.cancel();
    }
    update(f => ({ ...f, id }));
  };
  return { suggestion, onTitleChange, onIdChange };
}
