import { ApiError } from '../api/request';
import {
  backoffDelay,
  backoffSchedule,
  StatusPoll
} from '../common/statusPoll';
import { recordServedRules } from '../common/servedRules';
import { isFinalEndpointStatus, isFinalJobStatus } from '../launch/status';
import { isFinalLocalRunStatus } from '../local-runs/types';
import { RULES } from './wizard-fixtures';

// The final statuses are the server's (GET /options → rules.statuses).
beforeEach(() => recordServedRules(RULES));

describe('backoff', () => {
  it('doubles from 2 s up to 30 s', () => {
    expect(backoffSchedule(7)).toEqual([
      2000, 4000, 8000, 16000, 30000, 30000, 30000
    ]);
    expect(backoffDelay(-1)).toBe(2000);
    expect(backoffDelay(3, { initial: 1000, max: 5000, factor: 3 })).toBe(5000);
  });
});

describe('the final statuses: served, never copied', () => {
  it('are those of GET /options → rules.statuses', () => {
    expect(['Completed', 'Failed', 'Stopped'].every(isFinalJobStatus)).toBe(
      true
    );
    expect(isFinalJobStatus('InProgress')).toBe(false);
    expect(isFinalJobStatus('Stopping')).toBe(false);
    expect(isFinalEndpointStatus('InService')).toBe(true);
    expect(isFinalEndpointStatus('Failed')).toBe(true);
    expect(isFinalEndpointStatus('Creating')).toBe(false);
    expect(isFinalLocalRunStatus('completed')).toBe(true);
    expect(isFinalLocalRunStatus('running')).toBe(false);
  });

  it('follow the served rules, whatever they say', () => {
    recordServedRules({
      ...RULES,
      statuses: {
        'training-job': { final: ['Stopping'] },
        endpoint: { final: ['Creating'] },
        'local-run': { final: ['running'] }
      }
    });
    expect(isFinalJobStatus('Stopping')).toBe(true);
    expect(isFinalJobStatus('Completed')).toBe(false);
    expect(isFinalEndpointStatus('Creating')).toBe(true);
    expect(isFinalEndpointStatus('InService')).toBe(false);
    expect(isFinalLocalRunStatus('running')).toBe(true);
    expect(isFinalLocalRunStatus('completed')).toBe(false);
  });

  it('are none before the rules are loaded: nothing stops early', () => {
    recordServedRules(null);
    expect(isFinalJobStatus('Completed')).toBe(false);
    expect(isFinalEndpointStatus('InService')).toBe(false);
    expect(isFinalLocalRunStatus('completed')).toBe(false);
  });
});

describe('StatusPoll (a @lumino/polling Poll)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function poll(answers: Array<string | ApiError>) {
    const queue = [...answers];
    const load = jest.fn(async () => {
      const next = queue.length > 1 ? queue.shift()! : queue[0];
      if (next instanceof ApiError) {
        throw next;
      }
      return next;
    });
    const instance = new StatusPoll<string>({
      load,
      isFinal: isFinalJobStatus,
      key: status => status
    });
    return { instance, load };
  }

  /** `refresh()`, with the poll's immediate tick run by the fake clock. */
  async function refresh(instance: StatusPoll<string>): Promise<void> {
    const done = instance.refresh();
    await jest.advanceTimersByTimeAsync(0);
    await done;
  }

  /** Let `ms` pass, and the tick that comes then be answered. */
  async function wait(instance: StatusPoll<string>, ms: number) {
    const answered = instance.tick;
    await jest.advanceTimersByTimeAsync(ms);
    await answered;
  }

  it('backs off while nothing changes, starts over on a change, stops when final', async () => {
    const { instance, load } = poll([
      'InProgress',
      'InProgress',
      'InProgress',
      'Training',
      'Training',
      'Completed'
    ]);
    const delays: Array<number | null> = [];
    await refresh(instance);
    delays.push(instance.nextDelay);
    for (let i = 0; i < 5; i++) {
      await wait(instance, instance.nextDelay!);
      delays.push(instance.nextDelay);
    }
    expect(load).toHaveBeenCalledTimes(6);
    // 2 s, 4 s, 8 s; "Training" is a change: 2 s, 4 s; Completed: no more.
    expect(delays).toEqual([2000, 4000, 8000, 2000, 4000, null]);
    expect(instance.state.value).toBe('Completed');
    expect(instance.state.stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(60000);
    expect(load).toHaveBeenCalledTimes(6);
    instance.dispose();
  });

  it('goes on at a final status until the rules are served, then stops', async () => {
    recordServedRules(null);
    const { instance, load } = poll(['Completed']);
    await refresh(instance);
    await wait(instance, instance.nextDelay!);
    await wait(instance, instance.nextDelay!);
    expect(instance.state.value).toBe('Completed');
    expect(instance.state.stopped).toBe(false);
    expect(load).toHaveBeenCalledTimes(3);
    recordServedRules(RULES);
    await wait(instance, instance.nextDelay!);
    expect(instance.state.stopped).toBe(true);
    expect(instance.nextDelay).toBeNull();
    await jest.advanceTimersByTimeAsync(60000);
    expect(load).toHaveBeenCalledTimes(4);
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
    const { instance, load } = poll(['InProgress', unavailable, missing]);
    await refresh(instance);
    await wait(instance, 2000);
    expect(instance.state.value).toBe('InProgress');
    expect(instance.state.error?.message).toBe('No AWS credentials');
    expect(instance.state.stopped).toBe(false);
    expect(instance.nextDelay).toBe(4000);
    await wait(instance, 4000);
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
    const instance = new StatusPoll<string>({
      load,
      isFinal: isFinalJobStatus
    });
    void instance.refresh();
    await jest.advanceTimersByTimeAsync(0);
    expect(instance.state.loading).toBe(true);
    instance.dispose();
    expect(signal!.aborted).toBe(true);
    expect(instance.state.stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(60000);
    expect(load).toHaveBeenCalledTimes(1);
    await expect(instance.refresh()).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('refresh() asks now and restarts from the shortest delay', async () => {
    const { instance, load } = poll(['InProgress']);
    await refresh(instance);
    await wait(instance, 2000);
    expect(instance.nextDelay).toBe(4000);
    await refresh(instance);
    expect(load).toHaveBeenCalledTimes(3);
    expect(instance.nextDelay).toBe(2000);
    instance.set('Stopping');
    expect(instance.state.value).toBe('Stopping');
    instance.dispose();
  });

  it('drops the answer of a request a refresh overtook', async () => {
    const answers: Array<(status: string) => void> = [];
    const instance = new StatusPoll<string>({
      load: () => new Promise<string>(resolve => answers.push(resolve)),
      isFinal: isFinalJobStatus
    });
    void instance.refresh();
    await jest.advanceTimersByTimeAsync(0);
    const second = instance.refresh();
    await jest.advanceTimersByTimeAsync(0);
    expect(answers).toHaveLength(2);
    answers[1]('Completed');
    await second;
    answers[0]('InProgress');
    await jest.advanceTimersByTimeAsync(0);
    expect(instance.state.value).toBe('Completed');
    expect(instance.state.stopped).toBe(true);
    instance.dispose();
  });

  it('stands by while the page is hidden, and asks again once it is shown', async () => {
    let hidden = false;
    const load = jest.fn(async () => 'InProgress');
    const instance = new StatusPoll<string>({
      load,
      isFinal: isFinalJobStatus,
      standby: () => hidden
    });
    await refresh(instance);
    hidden = true;
    await jest.advanceTimersByTimeAsync(60000);
    expect(load).toHaveBeenCalledTimes(1);
    hidden = false;
    await jest.advanceTimersByTimeAsync(2000);
    expect(load).toHaveBeenCalledTimes(2);
    instance.dispose();
  });
});
