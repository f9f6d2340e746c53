import type { ISignal } from '@lumino/signaling';
import * as React from 'react';

/**
 * Render again whenever `signal` is emitted. Connected in a layout effect,
 * right after the first render: a change that comes before the browser
 * paints (an early keystroke) is not missed.
 */
export function useSignal(signal: ISignal<unknown, unknown>): void {
  const [, setTick] = React.useState(0);
  React.useLayoutEffect(() => {
    const changed = (): void => setTick(tick => tick + 1);
    signal.connect(changed);
    return () => {
      signal.disconnect(changed);
    };
  }, [signal]);
}
