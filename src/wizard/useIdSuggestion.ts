/**
 * The live ID of a new entry: derived from the title at once (the server's
 * rules), then replaced by the server's de-duplicated suggestion, asked for
 * ~250 ms after the last keystroke. The newest answer wins; an answer for a
 * title that is no longer there is ignored.
 */
import * as React from 'react';

import type { SharedModelsClient } from '../api/catalog';
import type { Kind } from '../api/types';
import { deriveId } from './ids';

export const SUGGEST_DELAY = 250;
const MAX_TITLE = 256;

export interface IIdSuggestion {
  /** The ID to show for `title` now (before the server answers). */
  localId: (title: string) => string;
  /**
   * Ask the server for `title`'s ID; `apply(id, title)` is called with the
   * answer unless a newer request was made since.
   */
  request: (title: string, apply: (id: string, title: string) => void) => void;
  /** Forget any pending request (the user took over the ID). */
  cancel: () => void;
  /** A request is waiting or on its way. */
  pending: boolean;
}

export function useIdSuggestion(
  client: SharedModelsClient,
  kind: Kind
): IIdSuggestion {
  const timer = React.useRef<number | null>(null);
  const latest = React.useRef(0);
  const [pending, setPending] = React.useState(false);

  const cancel = React.useCallback(() => {
    latest.current++;
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    setPending(false);
  }, []);

  React.useEffect(() => cancel, [cancel]);

  const request = React.useCallback(
    (title: string, apply: (id: string, title: string) => void) => {
      cancel();
      const trimmed = title.trim();
      if (trimmed === '' || title.length > MAX_TITLE) {
        return;
      }
      const ticket = latest.current;
      setPending(true);
      timer.current = window.setTimeout(() => {
        timer.current = null;
        client
          .suggestId(title, kind)
          .then(id => {
            if (ticket === latest.current) {
              apply(id, title);
            }
          })
          .catch(() => {
            // The local derivation stays; the server checks the ID on save.
          })
          .finally(() => {
            if (ticket === latest.current) {
              setPending(false);
            }
          });
      }, SUGGEST_DELAY);
    },
    [cancel, client, kind]
  );

  const localId = React.useCallback(
    (title: string) => (title.trim() ? deriveId(title, kind) : ''),
    [kind]
  );

  return { localId, request, cancel, pending };
}
