import { ApiError } from '../api/request';
import {
  backoffDelay,
  backoffSchedule,
  isFinalEndpointStatus,
  isFinalJobStatus,
  StatusPoller
} from '../launch/poll';

/** Let the poller's awaited load settle (fake timers do not run promises). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
  }
}

describe('backoff', () => {
  it('doubles from 2 s up to 30 s', () => {
    expect(backoffSchedule(7)).toEqual([
      2000, 4000, 8000, 16000, 30000, 30000, 30000
    ]);
    expect(backoffDelay(-1)).toBe(2000);
    expect(backoffDelay(3, { initial: 1000, max: 5000, factor: 3 })).toBe(5000);
  });

  it('knows the final statuses', () => {
    expect(['Completed', 'Failed', 'Stopped'].every(isFinalJobStatus)).toBe(
      true
    );
    expect(isFinalJobStatus('InProgress')).toBe(false);
    expect(isFinalJobStatus('Stopping')).toBe(false);
    expect(isFinalEndpointStatus('InService')).toBe(true);
    expect(isFinalEndpointStatus('Failed')).toBe(true);
    expect(isFinalEndpointStatus('Creating')).toBe(false);
  });
});

describe('StatusPoller', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function poller(answers: Array<string | ApiError>) {
    const queue = [...answers];
    const load = jest.fn(async () => {
      const next = queue.length > 1 ? queue.shift()! : queue[0];
      if (next instanceof ApiError) {
        throw next;
      }
      return next;
    });
    const instance = new StatusPoller<string>({
      load,
      isFinal: isFinalJobStatus,
      key: status => status
    });
    return { instance, load };
  }

  it('backs off while nothing changes, starts over on a change, stops when final', async () => {
    const { instance, load } = poller([
      'InProgress',
      'InProgress',
      'InProgress',
      'Training',
      'Training',
      'Completed'
    ]);
    const delays: Array<number | null> = [];
    await instance.refresh();
    delays.push(instance.nextDelay);
    for (let i = 0; i < 5; i++) {
      jest.advanceTimersByTime(instance.nextDelay!);
      await settle();
      delays.push(instance.nextDelay);
    }
    expect(load).toHaveBeenCalledTimes(6);
    // 2 s, 4 s, 8 s; "Training" is a change: 2 s, 4 s; Completed: no more.
    expect(delays).toEqual([2000, 4000, 8000, 2000, 4000, null]);
    expect(instance.state.value).toBe('Completed');
    expect(instance.state.stopped).toBe(true);
    jest.advanceTimersByTime(60000);
    await settle();
    expect(load).toHaveBeenCalledTimes(6);
    instance.dispose();
  });

  it('keeps the last value through a failure and retries; a 4xx stops it', async () => {
    const unavailable = new ApiError({
      status: 503,
      code: 'unavailable',
      message: 'No AWS credentials'
    });
    const missing = new ApiError({
      status: 404,
      code: 'not_found',
      message: 'No such job'
    });
    const { instance, load } = poller(['InProgress', unavailable, missing]);
    await instance.refresh();
    jest.advanceTimersByTime(2000);
    await settle();
    expect(instance.state.value).toBe('InProgress');
    expect(instance.state.error?.message).toBe('No AWS credentials');
    expect(instance.state.stopped).toBe(false);
    expect(instance.nextDelay).toBe(4000);
    jest.advanceTimersByTime(4000);
    await settle();
    expect(instance.state.error?.status).toBe(404);
    expect(instance.state.stopped).toBe(true);
    expect(instance.nextDelay).toBeNull();
    expect(load).toHaveBeenCalledTimes(3);
    instance.dispose();
  });

  it('stops when disposed (the view closed), and aborts the request on its way', async () => {
    let signal: AbortSignal | null = null;
    const load = jest.fn(
      (aborted: AbortSignal) =>
        new Promise<string>(() => {
          signal = aborted;
        })
    );
    const instance = new StatusPoller<string>({
      load,
      isFinal: isFinalJobStatus
    });
    void instance.refresh();
    expect(instance.state.loading).toBe(true);
    instance.dispose();
    expect(signal!.aborted).toBe(true);
    expect(instance.state.stopped).toBe(true);
    jest.advanceTimersByTime(60000);
    expect(load).toHaveBeenCalledTimes(1);
    await expect(instance.refresh()).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('refresh() asks now and restarts from the shortest delay', async () => {
    const { instance, load } = poller(['InProgress']);
    await instance.refresh();
    jest.advanceTimersByTime(2000);
    await settle();
    expect(instance.nextDelay).toBe(4000);
    await instance.refresh();
    expect(load).toHaveBeenCalledTimes(3);
    expect(instance.nextDelay).toBe(2000);
    instance.set('Stopping');
    expect(instance.state.value).toBe('Stopping');
    instance.dispose();
  });
});
