import { PromiseDelegate } from '@lumino/coreutils';

import { CursorPager, PageFetcher, totalText } from '../common/pager';
import { ApiError } from '../api/request';
import type { IEntry, IEntryPage } from '../api/types';
import { makeEntry, page } from './helpers';

/** A fetcher whose answers the test gives, one call at a time. */
function controlledFetcher() {
  const calls: Array<{
    cursor: string | null;
    signal: AbortSignal;
    answer: PromiseDelegate<IEntryPage>;
  }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch: PageFetcher<IEntry> = (cursor, signal) => {
    const answer = new PromiseDelegate<IEntryPage>();
    calls.push({ cursor, signal, answer });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const done = () => {
      inFlight--;
    };
    answer.promise.then(done, done);
    return answer.promise;
  };
  return { fetch, calls, maxInFlight: () => maxInFlight };
}

const entries = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) =>
    makeEntry({ id: `entry-${from + index}` })
  );

describe('CursorPager of the catalog’s entries', () => {
  let pager: CursorPager<IEntry>;

  beforeEach(() => {
    pager = new CursorPager<IEntry>({ keyOf: entry => entry.id });
  });

  afterEach(() => {
    pager.dispose();
  });

  it('loads the first page, then each next page with the previous cursor', async () => {
    const { fetch, calls } = controlledFetcher();
    const first = pager.reset(fetch);
    expect(pager.state.status).toBe('loading');
    calls[0].answer.resolve(page(entries(0, 2), 'c1', 5));
    await first;
    expect(pager.state).toMatchObject({
      status: 'ready',
      total: 5,
      nextCursor: 'c1'
    });
    expect(pager.canLoadMore).toBe(true);

    const second = pager.loadMore();
    expect(pager.state.loadingMore).toBe(true);
    calls[1].answer.resolve(page(entries(2, 2), 'c2', 5));
    await second;
    const third = pager.loadMore();
    calls[2].answer.resolve(page(entries(4, 1), null, 5));
    await third;

    expect(calls.map(call => call.cursor)).toEqual([null, 'c1', 'c2']);
    expect(pager.state.items.map(item => item.id)).toEqual([
      'entry-0',
      'entry-1',
      'entry-2',
      'entry-3',
      'entry-4'
    ]);
    expect(pager.canLoadMore).toBe(false);

    // On the last page there is nothing more to ask for.
    await pager.loadMore();
    expect(calls).toHaveLength(3);
  });

  it('never has two page requests in flight', async () => {
    const { fetch, calls, maxInFlight } = controlledFetcher();
    const first = pager.reset(fetch);
    // Asking again while the first page is on its way returns the same request.
    expect(pager.loadMore()).toBe(first);
    calls[0].answer.resolve(page(entries(0, 2), 'c1', 10));
    await first;

    const more = [pager.loadMore(), pager.loadMore(), pager.loadMore()];
    expect(more[1]).toBe(more[0]);
    expect(more[2]).toBe(more[0]);
    expect(calls).toHaveLength(2);
    expect(pager.canLoadMore).toBe(false);
    calls[1].answer.resolve(page(entries(2, 2), 'c2', 10));
    await Promise.all(more);

    expect(calls).toHaveLength(2);
    expect(maxInFlight()).toBe(1);
    expect(pager.canLoadMore).toBe(true);
  });

  it('drops a stale answer when reset, and aborts its request', async () => {
    const old = controlledFetcher();
    const fresh = controlledFetcher();
    const first = pager.reset(old.fetch);
    const second = pager.reset(fresh.fetch);
    expect(old.calls[0].signal.aborted).toBe(true);

    fresh.calls[0].answer.resolve(page(entries(10, 1)));
    await second;
    old.calls[0].answer.resolve(page(entries(0, 3), 'stale'));
    await first;

    expect(pager.state.items.map(item => item.id)).toEqual(['entry-10']);
    expect(pager.state.nextCursor).toBeNull();
  });

  it('reports a failed first page, and retries it', async () => {
    const { fetch, calls } = controlledFetcher();
    const first = pager.reset(fetch);
    calls[0].answer.reject(
      new ApiError({ status: 503, code: 'unavailable', message: 'Down.' })
    );
    await first;
    expect(pager.state.status).toBe('error');
    expect(pager.state.error?.message).toBe('Down.');

    const retry = pager.retry();
    expect(calls[1].cursor).toBeNull();
    calls[1].answer.resolve(page(entries(0, 1)));
    await retry;
    expect(pager.state.status).toBe('ready');
    expect(pager.state.error).toBeNull();
  });

  it('keeps the loaded pages when a next page fails, and retries that page', async () => {
    const { fetch, calls } = controlledFetcher();
    const first = pager.reset(fetch);
    calls[0].answer.resolve(page(entries(0, 2), 'c1', 4));
    await first;
    const more = pager.loadMore();
    calls[1].answer.reject(new Error('Failed to fetch'));
    await more;
    expect(pager.state.status).toBe('ready');
    expect(pager.state.items).toHaveLength(2);
    expect(pager.state.moreError?.message).toBe('Failed to fetch');

    const retry = pager.retry();
    expect(calls[2].cursor).toBe('c1');
    calls[2].answer.resolve(page(entries(2, 2), null, 4));
    await retry;
    expect(pager.state.items).toHaveLength(4);
    expect(pager.state.moreError).toBeNull();
  });

  it('shows each entry once, even if it moved between pages', async () => {
    const { fetch, calls } = controlledFetcher();
    const first = pager.reset(fetch);
    calls[0].answer.resolve(page(entries(0, 2), 'c1', 3));
    await first;
    const more = pager.loadMore();
    calls[1].answer.resolve(
      page([...entries(1, 1), ...entries(2, 1)], null, 3)
    );
    await more;
    expect(pager.state.items.map(item => item.id)).toEqual([
      'entry-0',
      'entry-1',
      'entry-2'
    ]);
  });

  it('removes and replaces single entries', async () => {
    const { fetch, calls } = controlledFetcher();
    const first = pager.reset(fetch);
    calls[0].answer.resolve(page(entries(0, 3), null, 3));
    await first;

    pager.remove('entry-1');
    expect(pager.state.items.map(item => item.id)).toEqual([
      'entry-0',
      'entry-2'
    ]);
    expect(pager.state.total).toBe(2);
    pager.remove('not-there');
    expect(pager.state.total).toBe(2);

    pager.replace(makeEntry({ id: 'entry-2', title: 'Renamed', version: 2 }));
    expect(pager.state.items[1].title).toBe('Renamed');
  });

  it('keeps a lower bound a lower bound when an entry goes', async () => {
    const { fetch, calls } = controlledFetcher();
    const first = pager.reset(fetch);
    calls[0].answer.resolve(page(entries(0, 3), 'c1', 1000, false));
    await first;
    expect(totalText(pager.state, 'en-US')).toBe('1,000+');
    pager.remove('entry-1');
    expect(pager.state.total).toBe(1000);
    expect(totalText(pager.state, 'en-US')).toBe('1,000+');
  });

  it('emits changed for every state change', async () => {
    const { fetch, calls } = controlledFetcher();
    const seen: string[] = [];
    pager.changed.connect(() => seen.push(pager.state.status));
    const first = pager.reset(fetch);
    calls[0].answer.resolve(page([]));
    await first;
    expect(seen).toEqual(['loading', 'ready']);
  });
});
