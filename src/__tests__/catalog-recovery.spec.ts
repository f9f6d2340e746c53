import { ApiError } from '../api/request';
import { CatalogRecovery, isTransient } from '../catalog/recovery';

const down = new ApiError({
  status: 503,
  code: 'unavailable',
  message: 'The catalog service does not answer.'
});
const wrong = new ApiError({ status: 400, code: 'invalid', message: 'Bad.' });

describe('the panel comes back by itself when the catalog does', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('tells passing failures from wrong requests', () => {
    expect(isTransient(down)).toBe(true);
    expect(
      isTransient(new ApiError({ status: 0, code: 'network', message: 'x' }))
    ).toBe(true);
    expect(isTransient(wrong)).toBe(false);
    expect(isTransient(null)).toBe(false);
  });

  it('asks again after 2 s, then at most twice as late each time, until the catalog answers', async () => {
    let failure: ApiError | null = down;
    const tries: number[] = [];
    const recovery = new CatalogRecovery({
      failure: () => failure,
      retry: async () => {
        tries.push(Date.now());
        if (tries.length === 3) {
          failure = null; // the service is back
        }
      }
    });
    const start = Date.now();
    recovery.check();
    expect(recovery.active).toBe(true);
    await jest.advanceTimersByTimeAsync(1900);
    expect(tries).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(200);
    expect(tries).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(4000);
    expect(tries).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(8000);
    expect(tries).toHaveLength(3);
    expect(recovery.active).toBe(false);
    await jest.advanceTimersByTimeAsync(120000);
    expect(tries).toHaveLength(3);
    // @lumino/polling's backoff: the next wait is random, from the first
    // interval up to twice the last one (so servers coming back are not all
    // asked at once), never more than 30 s.
    const gaps = tries.map((time, i) => time - (i ? tries[i - 1] : start));
    expect(gaps[0]).toBeGreaterThanOrEqual(2000);
    expect(gaps[0]).toBeLessThanOrEqual(2100);
    for (const i of [1, 2]) {
      expect(gaps[i]).toBeGreaterThanOrEqual(2000);
      expect(gaps[i]).toBeLessThanOrEqual(2 * gaps[i - 1]);
    }
    recovery.dispose();
  });

  it('leaves a wrong request to the user, and stops when disposed', async () => {
    let failure: ApiError | null = wrong;
    const retry = jest.fn(async () => undefined);
    const recovery = new CatalogRecovery({ failure: () => failure, retry });
    recovery.check();
    expect(recovery.active).toBe(false);
    failure = down;
    recovery.check();
    expect(recovery.active).toBe(true);
    recovery.dispose();
    await jest.advanceTimersByTimeAsync(60000);
    expect(retry).not.toHaveBeenCalled();
  });
});
