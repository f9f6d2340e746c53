/**
 * The wizard's form state: the values, which fields were visited, and the
 * problems to show (client-side checks, and the server's last answer).
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { IOptions } from '../api/types';
import { FieldErrors, IUnplacedError } from './errors';
import { visibleFields, valueAt } from './fields';
import type { IEntryForm } from './form';
import { validateForm } from './validate';

export interface IWizardForm {
  form: IEntryForm;
  /** Replace the form through a pure function of the current one. */
  update: (change: (form: IEntryForm) => IEntryForm) => void;
  /** Start over from `form` (after a reload): nothing visited, no problems. */
  reset: (form: IEntryForm) => void;
  /** Client-side problems of the form as it is. */
  clientErrors: FieldErrors;
  /** The problem shown on each visible field. */
  shownErrors: FieldErrors;
  /** Problems of the server's last answer that name no visible field. */
  unplaced: IUnplacedError[];
  touch: (path: string) => void;
  /** From now on show every client-side problem (a submit was tried). */
  markSubmitted: () => void;
  /** The server's problems: by visible field, and the rest. */
  setServerErrors: (fields: FieldErrors, unplaced: IUnplacedError[]) => void;
}

export function useWizardForm(
  initial: () => IEntryForm,
  trans: TranslationBundle,
  options: IOptions | null
): IWizardForm {
  const [form, setForm] = React.useState<IEntryForm>(initial);
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = React.useState(false);
  const [server, setServer] = React.useState<FieldErrors>(new Map());
  const [unplaced, setUnplaced] = React.useState<IUnplacedError[]>([]);
  const previous = React.useRef(form);

  // A server problem goes away once its field is changed.
  React.useEffect(() => {
    const before = previous.current;
    previous.current = form;
    if (before === form) {
      return;
    }
    setServer(current => {
      const kept = [...current].filter(
        ([path]) => valueAt(before, path) === valueAt(form, path)
      );
      return kept.length === current.size ? current : new Map(kept);
    });
  }, [form]);

  const clientErrors = React.useMemo(
    () => validateForm(form, trans, options),
    [form, trans, options]
  );

  const shownErrors = React.useMemo(() => {
    const visible = visibleFields(form);
    const shown: FieldErrors = new Map();
    for (const [path, msg] of server) {
      if (visible.has(path)) {
        shown.set(path, msg);
      }
    }
    for (const [path, msg] of clientErrors) {
      if (submitted || touched.has(path)) {
        shown.set(path, msg);
      }
    }
    return shown;
  }, [form, server, clientErrors, submitted, touched]);

  const update = React.useCallback(
    (change: (form: IEntryForm) => IEntryForm) => setForm(change),
    []
  );
  const reset = React.useCallback((next: IEntryForm) => {
    previous.current = next;
    setForm(next);
    setTouched(new Set());
    setSubmitted(false);
    setServer(new Map());
    setUnplaced([]);
  }, []);
  const touch = React.useCallback((path: string) => {
    setTouched(current =>
      current.has(path) ? current : new Set(current).add(path)
    );
  }, []);
  const markSubmitted = React.useCallback(() => setSubmitted(true), []);
  const setServerErrors = React.useCallback(
    (fields: FieldErrors, rest: IUnplacedError[]) => {
      setServer(fields);
      setUnplaced(rest);
    },
    []
  );

  return {
    form,
    update,
    reset,
    clientErrors,
    shownErrors,
    unplaced,
    touch,
    markSubmitted,
    setServerErrors
  };
}
