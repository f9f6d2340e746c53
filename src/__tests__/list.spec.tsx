import { nullTranslator } from '@jupyterlab/translation';
import type { Widget } from '@lumino/widgets';
import * as React from 'react';

import { SharedModelsClient } from '../api/catalog';
import { EntryList } from '../catalog/EntryList';
import { SharedModelsModel } from '../catalog/model';
import type { IEntryPage } from '../api/types';
import {
  apiPath,
  ICanned,
  json,
  makeEntry,
  page,
  routedSettings,
  waitFor
} from './helpers';
import { buttonNames, mount } from './render';

const trans = nullTranslator.load('shared_models_ext');

function setUp(entries: (query: URLSearchParams) => ICanned) {
  const server = routedSettings(url =>
    apiPath(url) === 'entries'
      ? entries(url.searchParams)
      : {
          status: 200,
          body: json({ username: 'alice', display_name: 'alice' })
        }
  );
  const model = new SharedModelsModel({
    client: new SharedModelsClient({ serverSettings: server.settings })
  });
  const onAction = jest.fn();
  const element = (
    <EntryList
      model={model}
      onAction={onAction}
      id="list"
      tabIdPrefix="tab"
      scrollRoot={() => null}
      trans={trans}
    />
  );
  return { model, server, onAction, element };
}

const ok = (body: IEntryPage): ICanned => ({ status: 200, body: json(body) });

describe('EntryList', () => {
  let widget: Widget | null = null;
  let model: SharedModelsModel | null = null;
  afterEach(() => {
    widget?.dispose();
    model?.dispose();
    widget = null;
    model = null;
  });

  it('shows the loading state, then the cards and a Load more button', async () => {
    const set = setUp(query =>
      ok(
        query.get('cursor')
          ? page([makeEntry({ id: 'b' })], null, 2)
          : page([makeEntry({ id: 'a' })], 'c1', 2)
      )
    );
    model = set.model;
    widget = await mount(set.element);
    const node = widget.node;
    expect(node.querySelector('[role="tabpanel"]')?.textContent).toContain(
      'Loading shared models…'
    );
    await model.start();
    await waitFor(() => node.querySelectorAll('article').length === 1);
    expect(node.textContent).toContain('Showing 1 of 2');
    const loadMore = [...node.querySelectorAll('button')].find(
      button => button.textContent === 'Load more'
    )!;
    loadMore.click();
    await waitFor(() => node.querySelectorAll('article').length === 2);
    expect(buttonNames(node)).not.toContain('Load more');
    expect(node.textContent).toContain('All 2 entries');
  });

  it('says "1,000+" where the server stopped counting', async () => {
    const set = setUp(() =>
      ok(page([makeEntry({ id: 'a' })], 'c1', 1000, false))
    );
    model = set.model;
    widget = await mount(set.element);
    await model.start();
    await waitFor(() => widget!.node.querySelectorAll('article').length === 1);
    expect(widget.node.textContent).toContain('Showing 1 of 1,000+');
  });

  it('shows the server message and retries', async () => {
    let fail = true;
    const set = setUp(() =>
      fail
        ? {
            status: 503,
            body: json({
              error: { code: 'unavailable', message: 'The store is down.' }
            })
          }
        : ok(page([makeEntry({ id: 'a' })]))
    );
    model = set.model;
    widget = await mount(set.element);
    await model.start();
    const node = widget.node;
    await waitFor(() => node.querySelector('[role="alert"]') !== null);
    const alert = node.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Could not load shared models.');
    expect(alert.textContent).toContain('The store is down.');
    fail = false;
    alert.querySelector('button')!.click();
    await waitFor(() => node.querySelectorAll('article').length === 1);
  });

  it.each([
    ['mine', 'You have not shared any models or notebooks yet.'],
    ['shared-with-me', 'Nobody has shared a model or notebook with you yet.'],
    ['organization', 'Nothing is shared with your organization yet.']
  ] as const)('has an empty state for the %s tab', async (tab, text) => {
    const set = setUp(() => ok(page([])));
    model = set.model;
    model.setTab(tab);
    widget = await mount(set.element);
    await model.start();
    await waitFor(() => widget!.node.textContent!.includes(text));
  });

  it('offers to clear the search when nothing matches it', async () => {
    const set = setUp(() => ok(page([])));
    model = set.model;
    widget = await mount(set.element);
    await model.start();
    model.setSearch('zzz');
    model.flushSearch();
    const node = widget.node;
    await waitFor(() =>
      node.textContent!.includes(
        'No shared models match your search and filters.'
      )
    );
    [...node.querySelectorAll('button')]
      .find(button => button.textContent === 'Show all entries')!
      .click();
    expect(model.query.search).toBe('');
  });

  it('maps card buttons to actions', async () => {
    const set = setUp(() => ok(page([makeEntry({ id: 'a', owner: 'bob' })])));
    model = set.model;
    widget = await mount(set.element);
    await model.start();
    await waitFor(() => widget!.node.querySelector('article') !== null);
    widget.node.querySelector('button')!.click();
    expect(set.onAction).toHaveBeenCalledWith(
      'details',
      expect.objectContaining({ id: 'a' })
    );
  });
});
