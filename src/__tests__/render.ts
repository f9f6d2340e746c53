import { ReactWidget } from '@jupyterlab/ui-components';
import { Widget } from '@lumino/widgets';

import { waitFor } from './helpers';

/** Render a React element into the document; dispose the widget when done. */
export async function mount(element: JSX.Element): Promise<Widget> {
  const widget = ReactWidget.create(element);
  Widget.attach(widget, document.body);
  await waitFor(() => widget.node.childElementCount > 0);
  return widget;
}

/** Press a key on an element (bubbling, as the browser does). */
export function press(target: Element, key: string): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  );
}

/** The buttons of a node, by their text. */
export function buttonNames(node: Element): string[] {
  return [...node.querySelectorAll('button')].map(
    button => button.getAttribute('aria-label') ?? button.textContent ?? ''
  );
}
