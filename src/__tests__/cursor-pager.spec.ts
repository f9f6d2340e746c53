import { PromiseDelegate } from '@lumino/coreutils';

import { ApiError } from '../api/request';
import { CursorPager, ICursorPage, PageFetcher } from '../common/pager';

/** Any item type will do: here, rows keyed by their name. */
interface IRow {
  name: string;
  n: number;
}

/** A fetcher whose answers the test gives, one call at a time. */
function controlledFetcher() {
  const calls: Array<{
    cursor: string | null;
    signal: AbortSignal;
    answer: PromiseDelegate<ICursorPage<IRow>>;
  }> = [];
  const fetch: PageFetcher<IRow> = (cursor, signal) => {
    const answer = new PromiseDelegate<ICursorPage<IRow>>();
    calls.push({ cursor, signal, answer });
    return answer.promise;
  };
  return { fetch, calls };
}

const rows = (names: string[], next: string | null = null) => ({
  items: names.map((name, n) => ({ name, n })),
  next_cursor: next
});

const names = (pager: CursorPager<IRow>) =>
  pager.state.items.map(row => row.name);

describe('CursorPager<T>', () => {
  let pager: CursorPager<IRow>;
  let control: ReturnType<typeof controlledFetcher>;

  beforeEach(() => {
    control = controlledFetcher();
    pager = new CursorPager<IRow>({
      keyOf: row => row.name,
      fetch: control.fetch
    });
  });

  afterEach(() => pager.dispose());

  it('is idle until asked, then pages with the fetcher it was given', async () => {
    expect(pager.state.status).toBe('idle');
    expect(control.calls).toHaveLength(0);
    const first = pager.reset();
    control.calls[0].answer.resolve(rows(['a', 'b'], 'c1'));
    await first;
    const more = pager.loadMore();
    control.calls[1].answer.resolve(rows(['c']));
    await more;
    expect(control.calls.map(call => call.cursor)).toEqual([null, 'c1']);
    expect(names(pager)).toEqual(['a', 'b', 'c']);
    // A route without a total leaves it unknown.
    expect(pager.state.total).toBeNull();
  });

  it('ignores a stale page: a reset aborts the request on its way and drops its answer', async () => {
    const first = pager.reset();
    const other = controlledFetcher();
    const second = pager.reset(other.fetch);
    expect(control.calls[0].signal.aborted).toBe(true);
    expect(other.calls[0].signal.aborted).toBe(false);

    // The old answer comes last, even though its request was aborted.
    other.calls[0].answer.resolve(rows(['new']));
    await second;
    control.calls[0].answer.resolve(rows(['old-1', 'old-2'], 'stale'));
    await first;
    expect(names(pager)).toEqual(['new']);
    expect(pager.state.nextCursor).toBeNull();

    // From now on it pages through the new fetcher.
    void pager.reset();
    expect(other.calls).toHaveLength(2);
    expect(control.calls).toHaveLength(1);
  });

  it('drops a next page that comes after a reset', async () => {
    const first = pager.reset();
    control.calls[0].answer.resolve(rows(['a'], 'c1'));
    await first;
    const more = pager.loadMore();
    const again = pager.reset();
    expect(control.calls[1].signal.aborted).toBe(true);
    control.calls[2].answer.resolve(rows(['x']));
    await again;
    control.calls[1].answer.resolve(rows(['b']));
    await more;
    expect(names(pager)).toEqual(['x']);
    expect(pager.state.loadingMore).toBe(false);
  });

  it('aborts what is on its way when disposed, and then changes no more', async () => {
    const changed = jest.fn();
    pager.changed.connect(changed);
    const first = pager.reset();
    pager.dispose();
    expect(control.calls[0].signal.aborted).toBe(true);
    control.calls[0].answer.resolve(rows(['late']));
    await first;
    expect(names(pager)).toEqual([]);
    await pager.reset();
    expect(control.calls).toHaveLength(1);
    expect(changed).toHaveBeenCalledTimes(1); // the first page's 'loading'
  });

  it('reports an error, then retries the request that failed', async () => {
    const first = pager.reset();
    control.calls[0].answer.reject(
      new ApiError({ status: 503, code: 'unavailable', message: 'Down.' })
    );
    await first;
    expect(pager.state).toMatchObject({ status: 'error', items: [] });
    expect(pager.state.error?.status).toBe(503);

    const retry = pager.retry();
    expect(control.calls[1].cursor).toBeNull();
    control.calls[1].answer.resolve(rows(['a'], 'c1'));
    await retry;
    expect(pager.state).toMatchObject({ status: 'ready', error: null });

    // A failed next page keeps the rows; retry asks for that page again.
    const more = pager.loadMore();
    control.calls[2].answer.reject(new TypeError('Failed to fetch'));
    await more;
    expect(names(pager)).toEqual(['a']);
    expect(pager.state.moreError?.message).toBe('Failed to fetch');
    const again = pager.retry();
    expect(control.calls[3].cursor).toBe('c1');
    control.calls[3].answer.resolve(rows(['b']));
    await again;
    expect(names(pager)).toEqual(['a', 'b']);
    expect(pager.state.moreError).toBeNull();
  });

  it('refresh() keeps the rows on screen until the first page answers, also when it fails', async () => {
    const first = pager.reset();
    control.calls[0].answer.resolve(rows(['a', 'b'], 'c1'));
    await first;

    const refreshed = pager.refresh();
    expect(pager.state.status).toBe('loading');
    expect(names(pager)).toEqual(['a', 'b']);
    control.calls[1].answer.reject(new TypeError('Failed to fetch'));
    await refreshed;
    expect(pager.state.status).toBe('error');
    expect(names(pager)).toEqual(['a', 'b']);

    const again = pager.refresh();
    control.calls[2].answer.resolve(rows(['c']));
    await again;
    expect(pager.state.status).toBe('ready');
    expect(names(pager)).toEqual(['c']);
  });

  it('shows each item once, by its key', async () => {
    const first = pager.reset();
    control.calls[0].answer.resolve(rows(['a', 'b', 'a'], 'c1'));
    await first;
    const more = pager.loadMore();
    control.calls[1].answer.resolve(rows(['b', 'c']));
    await more;
    expect(names(pager)).toEqual(['a', 'b', 'c']);
  });
});
