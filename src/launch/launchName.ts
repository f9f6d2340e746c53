/**
 * The name a launch dialog sends: the server's default name for the entry
 * (`GET /entries/{id}/launch-names`, `<entry id>-<UTC timestamp>`, made by
 * `shared_models_ext/training/rules.py`), asked when the dialog opens and put
 * into its name field once it arrives. The dialog sends the name its field
 * holds, so a retry after a lost answer sends the same name and launches
 * once; a field still empty when the user launches (the answer is late, or
 * was lost) gets the name first.
 */
import type { FormModel } from '../common/form';

/**
 * Fill `field` of `state` with the name `load` gives, once it arrives (not
 * over what the user typed meanwhile). Returns what a launch awaits first:
 * it resolves once the field holds a name, asking again when the first ask
 * failed, and rejects when the server cannot give one.
 */
export function serverName<K extends string, V extends Record<K, string>>(
  state: FormModel<V>,
  field: K,
  load: () => Promise<string>
): () => Promise<void> {
  let asked: Promise<string> | null = null;
  const ask = (): Promise<string> => {
    if (asked === null) {
      const pending = load();
      asked = pending;
      pending.catch(() => {
        if (asked === pending) {
          asked = null;
        }
      });
    }
    return asked;
  };
  const fill = (name: string): void => {
    if (!state.isDisposed && state.value[field].trim() === '') {
      // Not touched by the user: no path named.
      state.update(value => ({ ...value, [field]: name }), []);
    }
  };
  ask().then(fill, () => {
    // Asked again when the user launches.
  });
  return async () => {
    if (state.value[field].trim() === '') {
      fill(await ask());
    }
  };
}
