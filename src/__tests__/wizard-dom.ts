/** DOM helpers for the wizard's component tests (React-controlled inputs). */
import { ServerConnection } from '@jupyterlab/services';

import type { ICanned } from './helpers';

type Route = (request: Request) => ICanned | Promise<ICanned>;

/**
 * Server settings whose `fetch` answers by route: `"GET options"`,
 * `"POST entries"`, `"PUT entries/x"`… (the path under the API prefix). A
 * dry run (`?dry_run=true`) goes to `"POST entries?dry_run"`…, by default
 * `200 {"ok": true}`.
 */
export function routedSettings(routes: Record<string, Route>): {
  settings: ServerConnection.ISettings;
  requests: Request[];
} {
  const requests: Request[] = [];
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    requests.push(request);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^.*\/shared-models\/api\//, '');
    const dryRun = url.searchParams.get('dry_run') === 'true';
    const route =
      routes[`${request.method} ${path}${dryRun ? '?dry_run' : ''}`];
    const answer = route
      ? await route(request)
      : dryRun
        ? { status: 200, body: '{"ok":true}' }
        : {
            status: 404,
            body: '{"error":{"code":"not_found","message":"no"}}'
          };
    return new Response(answer.body ?? '', {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' }
    });
  });
  const settings = ServerConnection.makeSettings({
    baseUrl: 'http://localhost:8888/',
    fetch: fetch as unknown as typeof window.fetch,
    token: 'secret-token'
  });
  return { settings, requests };
}

/** The control labelled `text` (by `<label for>` or `aria-label`). */
export function byLabel<T extends HTMLElement = HTMLInputElement>(
  root: HTMLElement,
  text: string
): T {
  for (const label of Array.from(root.querySelectorAll('label'))) {
    const name = (label.textContent ?? '').replace(/\s*\*$/, '').trim();
    if (name === text && label.htmlFor) {
      const control = root.ownerDocument.getElementById(label.htmlFor);
      if (control) {
        return control as T;
      }
    }
  }
  const named = root.querySelector(`[aria-label="${text}"]`);
  if (named) {
    return named as T;
  }
  throw new Error(`No control labelled ${JSON.stringify(text)}`);
}

/** The button whose text (or aria-label) is `text`. */
export function button(root: HTMLElement, text: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll('button')).find(
    item =>
      item.getAttribute('aria-label') === text ||
      (item.textContent ?? '').trim() === text
  );
  if (!found) {
    throw new Error(`No button ${JSON.stringify(text)}`);
  }
  return found;
}

/** Type into a React-controlled input, select or textarea. */
export function type(
  element: HTMLElement,
  value: string,
  eventName = 'input'
): void {
  const prototype = Object.getPrototypeOf(element);
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(
    element,
    value
  );
  element.dispatchEvent(new Event(eventName, { bubbles: true }));
}

/** Choose an option of a React-controlled select. */
export function choose(element: HTMLElement, value: string): void {
  type(element, value, 'change');
}

/** Leave a field (React listens to focusout for onBlur). */
export function blur(element: HTMLElement): void {
  element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

/** The error text linked from a control by `aria-describedby`. */
export function describedError(control: HTMLElement): string | null {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ');
  const error = ids
    .filter(id => id.endsWith('-error'))
    .map(id => control.ownerDocument.getElementById(id))
    .find(Boolean);
  return error?.textContent ?? null;
}
