import * as React from 'react';

import type { FormModel } from './model';

/**
 * Render again whenever `form` changes. Connected in a layout effect, right
 * after the first render: a change that comes before the browser paints (an
 * early keystroke) is not missed.
 */
export function useForm<V>(form: FormModel<V>): FormModel<V> {
  const [, setTick] = React.useState(0);
  React.useLayoutEffect(() => {
    const changed = (): void => setTick(tick => tick + 1);
    form.changed.connect(changed);
    return () => {
      form.changed.disconnect(changed);
    };
  }, [form]);
  return form;
}
