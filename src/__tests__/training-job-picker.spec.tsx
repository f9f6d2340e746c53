import { nullTranslator } from '@jupyterlab/translation';
import type { Widget } from '@lumino/widgets';
import * as React from 'react';

import { LaunchClient } from '../api/launches';
import { TrainingJobPicker } from '../launch/pickers/TrainingJobPicker';
import { TRANSLATION_DOMAIN } from '../tokens';
import { apiPath, json, routedSettings, waitFor } from './helpers';
import { mount } from './render';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

/** Type into a React-controlled input. */
function type(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(
    HTMLInputElement.prototype,
    'value'
  )!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the training job picker', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  it('sends the search as typed and shows what the server says of it on the field', async () => {
    const searches: Array<string | null> = [];
    const { settings } = routedSettings(url => {
      expect(apiPath(url)).toBe('training-jobs');
      const search = url.searchParams.get('name_contains');
      searches.push(search);
      // The server's rule, its words: no copy of it in the picker.
      if (search === 'churn_v2') {
        return {
          status: 400,
          body: json({
            error: {
              code: 'invalid',
              message: 'name_contains is invalid',
              details: [
                {
                  loc: ['name_contains'],
                  msg: 'search with letters, digits and hyphens, as in job names'
                }
              ]
            }
          })
        };
      }
      return { status: 200, body: json({ items: [], next_cursor: null }) };
    });
    widget = await mount(
      <TrainingJobPicker
        client={new LaunchClient(settings)}
        onValue={jest.fn()}
        onPick={jest.fn()}
        idPrefix="p"
        searchDelay={5}
        trans={trans}
      />
    );
    const input = widget.node.querySelector<HTMLInputElement>('#p-search')!;
    await waitFor(() =>
      widget!.node.textContent!.includes('No training jobs in this account')
    );

    type(input, 'churn_v2');
    await waitFor(() => input.getAttribute('aria-invalid') === 'true');
    expect(widget.node.querySelector('#p-search-error')?.textContent).toBe(
      'search with letters, digits and hyphens, as in job names'
    );
    expect(widget.node.textContent).not.toContain('No training job names');

    type(input, 'churn-v2');
    await waitFor(() => input.getAttribute('aria-invalid') === null);
    await waitFor(() =>
      widget!.node.textContent!.includes('No training job names contain')
    );
    expect(searches).toEqual([null, 'churn_v2', 'churn-v2']);
  });
});
