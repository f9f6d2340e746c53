import { PromiseDelegate } from '@lumino/coreutils';
import { nullTranslator } from '@jupyterlab/translation';

import { ApiError } from '../api/request';
import { S3HintChecker, S3HintState } from '../s3/hint';
import { TRANSLATION_DOMAIN } from '../tokens';
import { s3HintText } from '../wizard/components/S3Tools';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

/** A checker whose `exists` answers the test gives; states are recorded. */
function setUp() {
  const calls: Array<{
    uri: string;
    signal: AbortSignal;
    answer: PromiseDelegate<boolean>;
  }> = [];
  const states: S3HintState[] = [];
  const checker = new S3HintChecker({
    delay: 300,
    exists: (uri, signal) => {
      const answer = new PromiseDelegate<boolean>();
      calls.push({ uri, signal, answer });
      return answer.promise;
    },
    onChange: state => states.push(state)
  });
  return { checker, calls, states };
}

/** Let the answers' promise callbacks run (timers are faked). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
  }
}

describe('S3HintChecker', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks once the field has been left for the delay, and says found', async () => {
    const { checker, calls, states } = setUp();
    checker.check('s3://team/data/', true);
    expect(calls).toHaveLength(0);
    jest.advanceTimersByTime(299);
    expect(calls).toHaveLength(0);
    jest.advanceTimersByTime(1);
    expect(calls.map(call => call.uri)).toEqual(['s3://team/data/']);
    expect(checker.state).toEqual({
      status: 'checking',
      uri: 's3://team/data/'
    });
    calls[0].answer.resolve(true);
    await settle();
    expect(checker.state).toEqual({ status: 'found', uri: 's3://team/data/' });
    expect(states.map(state => state.status)).toEqual(['checking', 'found']);
  });

  it('is debounced: leaving the field again restarts the wait', () => {
    const { checker, calls } = setUp();
    checker.check('s3://team/a/', true);
    jest.advanceTimersByTime(200);
    checker.check('s3://team/b/', true);
    jest.advanceTimersByTime(200);
    expect(calls).toHaveLength(0);
    jest.advanceTimersByTime(100);
    expect(calls.map(call => call.uri)).toEqual(['s3://team/b/']);
  });

  it('keeps the newest answer: an older one is dropped and its request aborted', async () => {
    const { checker, calls } = setUp();
    checker.check('s3://team/a/', true);
    jest.advanceTimersByTime(300);
    checker.check('s3://team/b/', true);
    expect(calls[0].signal.aborted).toBe(true);
    jest.advanceTimersByTime(300);
    calls[1].answer.resolve(false);
    calls[0].answer.resolve(true);
    await settle();
    expect(checker.state).toEqual({ status: 'missing', uri: 's3://team/b/' });
  });

  it('says why it could not check', async () => {
    const { checker, calls } = setUp();
    checker.check('s3://team/a/', true);
    jest.advanceTimersByTime(300);
    calls[0].answer.reject(
      new ApiError({
        status: 503,
        code: 'unavailable',
        message: 'AWS credentials are not configured.'
      })
    );
    await settle();
    expect(checker.state).toEqual({
      status: 'failed',
      uri: 's3://team/a/',
      reason: 'AWS credentials are not configured.'
    });
    // A failure is tried again the next time the field is left.
    checker.check('s3://team/a/', true);
    jest.advanceTimersByTime(300);
    expect(calls).toHaveLength(2);
  });

  it('says nothing for an empty or malformed value', () => {
    const { checker, calls } = setUp();
    checker.check('', true);
    checker.check('bucket/key', false);
    jest.advanceTimersByTime(1000);
    expect(calls).toHaveLength(0);
    expect(checker.state).toEqual({ status: 'idle' });
  });

  it('drops a hint about another value as soon as the value changes', async () => {
    const { checker, calls } = setUp();
    checker.check('s3://team/a/', true);
    jest.advanceTimersByTime(300);
    calls[0].answer.resolve(true);
    await settle();
    checker.changed('s3://team/a/'); // the same value: the hint stays
    expect(checker.state.status).toBe('found');
    checker.changed('s3://team/ab/');
    expect(checker.state).toEqual({ status: 'idle' });
  });

  it('forgets a waiting check when the value changes, but not one for the new value', () => {
    const { checker, calls } = setUp();
    checker.check('s3://team/a/', true);
    checker.changed('s3://team/other/');
    jest.advanceTimersByTime(300);
    expect(calls).toHaveLength(0);

    // A value picked in the S3 browser: checked, then the field changes to it.
    checker.check('s3://team/picked/', true);
    checker.changed('s3://team/picked/');
    jest.advanceTimersByTime(300);
    expect(calls.map(call => call.uri)).toEqual(['s3://team/picked/']);
  });

  it('does not ask again about a value known to be there', async () => {
    const { checker, calls } = setUp();
    checker.check('s3://team/a/', true);
    jest.advanceTimersByTime(300);
    calls[0].answer.resolve(true);
    await settle();
    checker.check(' s3://team/a/ ', true);
    jest.advanceTimersByTime(300);
    expect(calls).toHaveLength(1);
  });

  it('asks nothing more once disposed', async () => {
    const { checker, calls } = setUp();
    checker.check('s3://team/a/', true);
    checker.dispose();
    jest.advanceTimersByTime(300);
    expect(calls).toHaveLength(0);
    checker.check('s3://team/b/', true);
    jest.advanceTimersByTime(300);
    expect(calls).toHaveLength(0);
  });
});

describe('s3HintText', () => {
  it.each<[S3HintState, string]>([
    [{ status: 'idle' }, ''],
    [{ status: 'checking', uri: 's3://b/' }, 'Checking S3…'],
    [{ status: 'found', uri: 's3://b/' }, 'Found in S3'],
    [{ status: 'missing', uri: 's3://b/' }, 'Nothing at this S3 location yet'],
    [
      { status: 'failed', uri: 's3://b/', reason: 'AWS said AccessDenied.' },
      'Could not check: AWS said AccessDenied.'
    ]
  ])('says %j as %j', (state, text) => {
    expect(s3HintText(state, trans)).toBe(text);
  });
});
