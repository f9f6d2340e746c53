import { PromiseDelegate } from '@lumino/coreutils';

import { S3BrowserModel } from '../s3/browserModel';
import { ApiError } from '../api/request';
import type { IBucketList, IS3Listing } from '../api/types';

/** A lister whose answers the test gives, one call at a time. */
function controlledLister() {
  const calls: Array<{
    uri: string | null;
    cursor: string | null;
    limit?: number;
    signal?: AbortSignal;
    answer: PromiseDelegate<IS3Listing | IBucketList>;
  }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const track = <T>(answer: PromiseDelegate<T>) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const done = () => {
      inFlight--;
    };
    answer.promise.then(done, done);
    return answer.promise;
  };
  const lister = {
    listBuckets: (options: { signal?: AbortSignal }) => {
      const answer = new PromiseDelegate<IBucketList>();
      calls.push({
        uri: null,
        cursor: null,
        signal: options.signal,
        answer: answer as PromiseDelegate<IS3Listing | IBucketList>
      });
      return track(answer);
    },
    listS3: (
      uri: string,
      options: {
        cursor?: string | null;
        limit?: number;
        signal?: AbortSignal;
      }
    ) => {
      const answer = new PromiseDelegate<IS3Listing>();
      calls.push({
        uri,
        cursor: options.cursor ?? null,
        limit: options.limit,
        signal: options.signal,
        answer: answer as PromiseDelegate<IS3Listing | IBucketList>
      });
      return track(answer);
    }
  };
  return { lister, calls, maxInFlight: () => maxInFlight };
}

function listing(
  uri: string,
  names: string[],
  next: string | null = null,
  folders: string[] = []
): IS3Listing {
  const prefix = uri.replace(/^s3:\/\/[^/]+\//, '');
  const bucket = uri.split('/')[2];
  return {
    uri,
    folders: folders.map(name => ({ name, uri: `${uri}${name}/` })),
    objects: names.map(name => ({
      key: `${prefix}${name}`,
      uri: `s3://${bucket}/${prefix}${name}`,
      size: 10,
      last_modified: '2026-11-21T10:00:00Z'
    })),
    next_cursor: next
  };
}

const denied = new ApiError({
  status: 403,
  code: 'forbidden',
  message: 'AWS said AccessDenied: no.'
});

describe('S3BrowserModel', () => {
  let model: S3BrowserModel;
  let control: ReturnType<typeof controlledLister>;

  beforeEach(() => {
    control = controlledLister();
    model = new S3BrowserModel({ lister: control.lister, pageSize: 2 });
  });

  afterEach(() => model.dispose());

  it('lists the buckets at the top, as rows that open', async () => {
    const opened = model.open(null);
    expect(model.state).toMatchObject({ location: null, status: 'loading' });
    expect(model.parent).toBeUndefined();
    control.calls[0].answer.resolve({
      buckets: [{ name: 'team', uri: 's3://team/' }]
    });
    await opened;
    expect(model.state.status).toBe('ready');
    expect(model.state.items).toEqual([
      { kind: 'bucket', name: 'team', uri: 's3://team/' }
    ]);
    expect(model.state.nextCursor).toBeNull();
  });

  it('lists a prefix one page at a time, the next only when asked', async () => {
    const changes = jest.fn();
    model.changed.connect(changes);
    const first = model.open('s3://team/data/');
    expect(control.calls[0]).toMatchObject({
      uri: 's3://team/data/',
      cursor: null,
      limit: 2
    });
    control.calls[0].answer.resolve(
      listing('s3://team/data/', ['a.csv'], 'cursor-2', ['train'])
    );
    await first;
    expect(model.state.items.map(item => [item.kind, item.name])).toEqual([
      ['folder', 'train'],
      ['object', 'a.csv']
    ]);
    expect(model.state.nextCursor).toBe('cursor-2');
    // Nothing more is fetched by itself.
    expect(control.calls).toHaveLength(1);
    expect(model.parent).toBe('s3://team/');

    const more = model.loadMore();
    expect(model.state.loadingMore).toBe(true);
    expect(model.canLoadMore).toBe(false);
    // A second "Load more" while one is on its way asks nothing more (it
    // is the same request).
    void model.loadMore();
    expect(control.calls).toHaveLength(2);
    expect(control.calls[1]).toMatchObject({
      uri: 's3://team/data/',
      cursor: 'cursor-2'
    });
    control.calls[1].answer.resolve(listing('s3://team/data/', ['b.csv']));
    await more;
    expect(model.state.items.map(item => item.name)).toEqual([
      'train',
      'a.csv',
      'b.csv'
    ]);
    expect(model.state.nextCursor).toBeNull();
    expect(model.canLoadMore).toBe(false);
    expect(control.maxInFlight()).toBe(1);
    expect(changes).toHaveBeenCalled();
  });

  it('shows the newest location: an older answer is dropped and its request aborted', async () => {
    const first = model.open('s3://team/old/');
    const second = model.open('s3://team/new/');
    expect(control.calls[0].signal?.aborted).toBe(true);
    control.calls[1].answer.resolve(listing('s3://team/new/', ['new.csv']));
    control.calls[0].answer.resolve(listing('s3://team/old/', ['old.csv']));
    await Promise.all([first, second]);
    expect(model.state.location).toBe('s3://team/new/');
    expect(model.state.items.map(item => item.name)).toEqual(['new.csv']);
  });

  it('drops a next page that arrives after another location was opened', async () => {
    const first = model.open('s3://team/a/');
    control.calls[0].answer.resolve(listing('s3://team/a/', ['1'], 'c'));
    await first;
    const more = model.loadMore();
    const other = model.open('s3://team/b/');
    control.calls[1].answer.resolve(listing('s3://team/a/', ['2']));
    control.calls[2].answer.resolve(listing('s3://team/b/', ['x']));
    await Promise.all([more, other]);
    expect(model.state.items.map(item => item.name)).toEqual(['x']);
    expect(model.state.loadingMore).toBe(false);
  });

  it('shows a failed first page as an error, and tries again', async () => {
    const first = model.open('s3://team/secret/');
    control.calls[0].answer.reject(denied);
    await first;
    expect(model.state.status).toBe('error');
    expect(model.state.error?.message).toBe('AWS said AccessDenied: no.');

    const again = model.retry();
    expect(model.state.status).toBe('loading');
    control.calls[1].answer.resolve(listing('s3://team/secret/', ['ok.csv']));
    await again;
    expect(model.state.status).toBe('ready');
    expect(model.state.error).toBeNull();
  });

  it('keeps the rows when the next page fails, and retries that page', async () => {
    const first = model.open('s3://team/a/');
    control.calls[0].answer.resolve(listing('s3://team/a/', ['1'], 'c2'));
    await first;
    const more = model.loadMore();
    control.calls[1].answer.reject(denied);
    await more;
    expect(model.state.status).toBe('ready');
    expect(model.state.items.map(item => item.name)).toEqual(['1']);
    expect(model.state.moreError?.status).toBe(403);

    const again = model.retry();
    expect(control.calls[2]).toMatchObject({ cursor: 'c2' });
    control.calls[2].answer.resolve(listing('s3://team/a/', ['2']));
    await again;
    expect(model.state.moreError).toBeNull();
    expect(model.state.items.map(item => item.name)).toEqual(['1', '2']);
  });

  it('goes up: folder, bucket root, then the buckets', async () => {
    void model.open('s3://team/a/');
    control.calls[0].answer.resolve(listing('s3://team/a/', []));
    void model.up();
    expect(control.calls[1].uri).toBe('s3://team/');
    void model.up();
    expect(control.calls[2].uri).toBeNull();
    await model.up(); // at the buckets: nowhere to go
    expect(control.calls).toHaveLength(3);
  });
});
