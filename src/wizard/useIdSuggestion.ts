/**
 * The live ID of a new entry: the server's de-duplicated suggestion for the
 * title (`GET /id-suggestions`, its rules alone), asked for ~250 ms after the
 * last keystroke. The newest answer wins; an answer for a title that is no
 * longer there is ignored.
 */
import * as React from 'react';

import type { SharedModelsClient } from '../api/catalog';
import type { Kind } from '../api/types';

export const SUGGEST_DELAY = 250;

export interface IIdSuggestion {
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
      if (title.trim() === '') {
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
            // The ID stays as it is; the server checks it (and the title).
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

  return { request, cancel, pending };
}
