import { SharedModelsClient } from '../api/catalog';
import { SharedModelsModel } from '../catalog/model';
import type { IOptions } from '../api/types';
import { DEFAULT_SETTINGS } from '../common/settings';
import { recordServedRules, servedRules } from '../common/servedRules';
import {
  apiPath,
  flush,
  json,
  makeEntry,
  page,
  routedSettings,
  waitFor
} from './helpers';
import { OPTIONS, RULES } from './wizard-fixtures';

/** A model on a fake server; `entries` answers every `GET /entries`. */
function setUp(
  options: Partial<SharedModelsModel.IOptions> = {},
  entries: (query: URLSearchParams) => ReturnType<typeof page> = () =>
    page([makeEntry({ id: 'one' })], 'next', 3),
  served: IOptions = OPTIONS
) {
  const server = routedSettings(url => {
    switch (apiPath(url)) {
      case 'me':
        return {
          status: 200,
          body: json({ username: 'alice', display_name: 'Alice' })
        };
      case 'entries':
        return { status: 200, body: json(entries(url.searchParams)) };
      case 'options':
        return { status: 200, body: json(served) };
      default:
        return { status: 404, body: '' };
    }
  });
  const model = new SharedModelsModel({
    client: new SharedModelsClient({ serverSettings: server.settings }),
    searchDelay: 30,
    ...options
  });
  /** The query strings of the `GET /entries` requests so far. */
  const listed = () =>
    server.requests
      .map(request => new URL(request.url))
      .filter(url => apiPath(url) === 'entries')
      .map(url => {
        const params = url.searchParams;
        // Drop the cache buster JupyterLab adds to GET requests.
        return Object.fromEntries(
          [...params.entries()].filter(([name]) => /^[a-z_]+$/.test(name))
        );
      });
  return { model, listed, server };
}

describe('SharedModelsModel: the catalog query', () => {
  it('loads nothing until started, then the first page of the default tab', async () => {
    const { model, listed } = setUp();
    await flush();
    expect(listed()).toEqual([]);
    await model.start();
    expect(listed()).toEqual([
      { scope: 'organization', sort: 'updated', order: 'desc', limit: '50' }
    ]);
    expect(model.list.items.map(item => item.id)).toEqual(['one']);
    expect(model.list.total).toBe(3);
    // Starting again loads nothing more.
    await model.start();
    expect(listed()).toHaveLength(1);
    model.dispose();
  });

  it('waits for the settings, which choose the tab, sort and page size', async () => {
    const { model, listed } = setUp({ waitForSettings: true });
    const started = model.start();
    await flush();
    expect(listed()).toEqual([]);

    model.settings = {
      ...DEFAULT_SETTINGS,
      pageSize: 20,
      defaultTab: 'mine',
      defaultSort: 'title-desc'
    };
    await started;
    expect(listed()).toEqual([
      { scope: 'mine', sort: 'title', order: 'desc', limit: '20' }
    ]);
    expect(model.query.tab).toBe('mine');
    model.dispose();
  });

  it('reloads from the first page on every tab, sort and filter change', async () => {
    const { model, listed } = setUp();
    await model.start();
    const tabs: string[] = [];
    model.tabChanged.connect((_, tab) => tabs.push(tab));

    model.setTab('shared-with-me');
    model.setTab('shared-with-me'); // no change, no request
    await waitFor(() => model.list.status === 'ready');
    model.setSort('title-asc');
    await waitFor(() => model.list.status === 'ready');
    model.setFilter('kind', 'notebook');
    await waitFor(() => model.list.status === 'ready');
    model.setFilter('canvas', true);
    await waitFor(() => model.list.status === 'ready');
    model.removeFilter('kind');
    await waitFor(() => model.list.status === 'ready');

    expect(tabs).toEqual(['shared-with-me']);
    expect(listed().slice(1)).toEqual([
      { scope: 'shared-with-me', sort: 'updated', order: 'desc', limit: '50' },
      { scope: 'shared-with-me', sort: 'title', order: 'asc', limit: '50' },
      {
        scope: 'shared-with-me',
        sort: 'title',
        order: 'asc',
        limit: '50',
        kind: 'notebook'
      },
      {
        scope: 'shared-with-me',
        sort: 'title',
        order: 'asc',
        limit: '50',
        kind: 'notebook',
        canvas: 'true'
      },
      {
        scope: 'shared-with-me',
        sort: 'title',
        order: 'asc',
        limit: '50',
        canvas: 'true'
      }
    ]);
    model.dispose();
  });

  it('debounces the search: one request once typing pauses', async () => {
    const { model, listed } = setUp();
    await model.start();
    for (const text of ['c', 'ch', 'chu', 'churn']) {
      model.setSearch(text);
    }
    expect(model.query.search).toBe('churn');
    await flush();
    expect(listed()).toHaveLength(1);
    await waitFor(() => listed().length === 2);
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(listed()).toHaveLength(2);
    expect(listed()[1].q).toBe('churn');

    // Trailing spaces change nothing on the server: no request.
    model.setSearch('churn  ');
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(listed()).toHaveLength(2);

    // Enter searches at once.
    model.setSearch('churn xgb');
    model.flushSearch();
    await flush();
    expect(listed()).toHaveLength(3);
    expect(listed()[2].q).toBe('churn xgb');
    model.dispose();
  });

  it('sorts a search by Best match unless the user picks another sort for it', async () => {
    const { model, listed } = setUp({ waitForSettings: true });
    model.settings = { ...DEFAULT_SETTINGS, defaultSort: 'title-asc' };
    await model.start();
    expect(model.searching).toBe(false);
    model.setSort('relevance'); // not on offer without a search: nothing asked
    await flush();
    expect(listed()).toHaveLength(1);

    model.setSearch('churn');
    model.flushSearch();
    await waitFor(() => model.list.status === 'ready');
    expect(model.searching).toBe(true);
    expect(model.query.sort).toBe('relevance');
    expect(listed()[1]).toMatchObject({
      q: 'churn',
      sort: 'relevance',
      order: 'desc'
    });

    // The user's choice holds while the search changes...
    model.setSort('updated');
    await waitFor(() => model.list.status === 'ready');
    model.setSearch('churn xgb');
    model.flushSearch();
    await waitFor(() => model.list.status === 'ready');
    expect(listed()[3]).toMatchObject({ q: 'churn xgb', sort: 'updated' });

    // ...until it is cleared: the sort without a search comes back, and the
    // next search starts on Best match again.
    model.setSearch('');
    model.flushSearch();
    await waitFor(() => model.list.status === 'ready');
    expect(model.query.sort).toBe('title-asc');
    expect(listed()[4]).toEqual({
      scope: 'organization',
      sort: 'title',
      order: 'asc',
      limit: '50'
    });
    model.setSearch('fraud');
    model.flushSearch();
    await waitFor(() => model.list.status === 'ready');
    expect(listed()[5]).toMatchObject({ q: 'fraud', sort: 'relevance' });
    model.resetQuery();
    await waitFor(() => model.list.status === 'ready');
    expect(model.query.sort).toBe('title-asc');
    model.dispose();
  });

  it('clears search and filters together', async () => {
    const { model, listed } = setUp();
    await model.start();
    model.setSearch('x');
    model.flushSearch();
    model.setFilter('framework', 'jax');
    await waitFor(() => model.list.status === 'ready');
    model.resetQuery();
    await waitFor(() => model.list.status === 'ready');
    expect(model.query).toMatchObject({ search: '', filters: {} });
    expect(listed().at(-1)).toEqual({
      scope: 'organization',
      sort: 'updated',
      order: 'desc',
      limit: '50'
    });
    model.dispose();
  });

  it('follows later settings changes', async () => {
    const { model, listed } = setUp({ waitForSettings: true });
    model.settings = DEFAULT_SETTINGS;
    await model.start();
    model.settings = { ...DEFAULT_SETTINGS, pageSize: 100 };
    await waitFor(() => listed().length === 2);
    expect(listed()[1].limit).toBe('100');
    model.settings = {
      ...DEFAULT_SETTINGS,
      pageSize: 100,
      defaultTab: 'mine'
    };
    await waitFor(() => listed().length === 3);
    expect(model.query.tab).toBe('mine');
    expect(listed()[2].scope).toBe('mine');
    model.dispose();
  });

  it('loads more with the cursor, one page at a time', async () => {
    const { model, listed } = setUp({}, query =>
      query.get('cursor')
        ? page([makeEntry({ id: 'two' })], null, 2)
        : page([makeEntry({ id: 'one' })], 'c1', 2)
    );
    await model.start();
    expect(model.canLoadMore).toBe(true);
    const loads = [model.loadMore(), model.loadMore()];
    await Promise.all(loads);
    expect(listed().map(query => query.cursor)).toEqual([undefined, 'c1']);
    expect(model.list.items.map(item => item.id)).toEqual(['one', 'two']);
    expect(model.canLoadMore).toBe(false);
    model.dispose();
  });
});

describe('SharedModelsModel: the served rules', () => {
  beforeEach(() => recordServedRules(null));

  it('keeps them for the status polls, and asks within their limits', async () => {
    const rules = {
      ...RULES,
      page: { max_limit: 30, default_limit: 20, max_exact_total: 1000 },
      search: { max_length: 5 }
    };
    const { model, listed } = setUp({}, undefined, { ...OPTIONS, rules });
    expect(servedRules()).toBeNull();
    await model.start();
    await waitFor(() => model.options.status === 'ready');
    expect(servedRules()).toEqual(rules);

    model.setSearch('churn xgboost');
    model.flushSearch();
    await waitFor(() => listed().length === 2);
    // The settings' 50 a page, within the served 30; the text cut to 5.
    expect(listed()[1]).toMatchObject({ limit: '30', q: 'churn' });
    model.dispose();
  });
});

describe('SharedModelsModel: after a save or a delete', () => {
  it('shows a new entry under Shared by me', async () => {
    const { model, listed } = setUp();
    await model.start();
    await model.entrySaved(makeEntry({ id: 'new' }), true);
    expect(model.query.tab).toBe('mine');
    expect(model.selectedId).toBe('new');
    expect(listed().at(-1)?.scope).toBe('mine');
    model.dispose();
  });

  it('reloads after an edit', async () => {
    const { model, listed } = setUp();
    await model.start();
    await model.entrySaved(makeEntry({ id: 'one', version: 2 }), false);
    expect(model.query.tab).toBe('organization');
    expect(listed()).toHaveLength(2);
    model.dispose();
  });

  it('drops a deleted entry without reloading', async () => {
    const { model, listed } = setUp();
    await model.start();
    model.select('one');
    model.entryDeleted('one');
    expect(model.list.items).toEqual([]);
    expect(model.list.total).toBe(2);
    expect(model.selectedId).toBeNull();
    expect(listed()).toHaveLength(1);
    model.dispose();
  });

  it('knows which entries the user owns', async () => {
    const { model } = setUp();
    expect(model.isOwner({ owner: 'alice' })).toBe(false); // not loaded yet
    await model.ensureMe();
    expect(model.isOwner({ owner: 'alice' })).toBe(true);
    expect(model.isOwner({ owner: 'bob' })).toBe(false);
    model.dispose();
  });
});
