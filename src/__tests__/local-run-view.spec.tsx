import { nullTranslator } from '@jupyterlab/translation';
import type { Widget } from '@lumino/widgets';
import * as React from 'react';
import uPlot from 'uplot';

import { LaunchClient } from '../api/launches';
import { LaunchesSection } from '../launch/components/LaunchesSection';
import { LaunchesModel } from '../launch/launchesModel';
import { LogView } from '../local-runs/logView';
import { toAlignedData } from '../local-runs/metricChart';
import { RunView } from '../local-runs/RunView';
import { LocalRunModel } from '../local-runs/runModel';
import { recordServedRules } from '../common/servedRules';
import type {
  ILocalRunLog,
  LocalRunStatusName,
  MetricPoint
} from '../local-runs/types';
import { TRANSLATION_DOMAIN } from '../tokens';
import { apiPath, ICanned, json, routedSettings, waitFor } from './helpers';
import { runStatus } from './local-run-fixtures';
import { RULES } from './wizard-fixtures';
import { mount } from './render';

// uPlot draws on a canvas, which jsdom lacks: only the chart library is faked.
jest.mock('uplot', () => ({
  __esModule: true,
  default: jest.fn().mockImplementation(() => ({
    width: 480,
    setData: jest.fn(),
    setSize: jest.fn(),
    redraw: jest.fn(),
    destroy: jest.fn()
  }))
}));
const UPlot = uPlot as unknown as jest.Mock;

const trans = nullTranslator.load(TRANSLATION_DOMAIN);
const RUN_ID = 'churn-20261201-101500-123';

function logSlice(
  offset: number,
  text: string,
  complete = false,
  more = false
): ICanned {
  const slice: ILocalRunLog = {
    offset,
    next_offset: offset + text.length,
    text,
    complete,
    more
  };
  return { status: 200, body: json(slice) };
}

// The final statuses are the server's (GET /options → rules.statuses).
beforeEach(() => recordServedRules(RULES));
afterEach(() => recordServedRules(null));

describe('metrics to uPlot', () => {
  it('splits points into columns of times and values', () => {
    const points: MetricPoint[] = [
      [1796112000.5, 0.69],
      [1796112001, 0.52]
    ];
    expect(toAlignedData(points)).toEqual([
      [1796112000.5, 1796112001],
      [0.69, 0.52]
    ]);
    expect(toAlignedData([])).toEqual([[], []]);
  });
});

describe('the local run view', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
    UPlot.mockClear();
  });

  it('polls status and log each second until the run ends and the log is complete', async () => {
    // The run: running (a first log slice, then a second), then completed.
    const statuses = [
      runStatus({ metrics: { loss: [[100, 0.9]] } }),
      runStatus({
        metrics: {
          loss: [
            [100, 0.9],
            [101, 0.5]
          ]
        }
      }),
      runStatus({
        status: 'completed',
        phase: null,
        ended_at: '2026-12-01T10:15:07Z',
        exit_code: 0,
        metrics: {
          loss: [
            [100, 0.9],
            [101, 0.5],
            [102, 0.25]
          ]
        },
        model_artifact: `shared-models-runs/${RUN_ID}/output/model.tar.gz`,
        output_location: `shared-models-runs/${RUN_ID}/output`
      })
    ];
    const logs: Record<string, ICanned[]> = {
      '0': [logSlice(0, 'Loss = 0.9;\n')],
      '12': [logSlice(12, ''), logSlice(12, 'Loss = 0.5;\n')],
      '24': [logSlice(24, 'Loss = 0.25;\n'), logSlice(24, 'Loss = 0.25;\n')],
      '37': [logSlice(37, '', true)]
    };
    const { settings, requests } = routedSettings(url => {
      const path = apiPath(url);
      if (path === `local-runs/${RUN_ID}`) {
        return {
          status: 200,
          body: json(statuses.length > 1 ? statuses.shift() : statuses[0])
        };
      }
      if (path === `local-runs/${RUN_ID}/log`) {
        const queue = logs[url.searchParams.get('offset') ?? '0'];
        return queue.length > 1 ? queue.shift()! : queue[0];
      }
      return { status: 404, body: '{}' };
    });
    const model = new LocalRunModel({
      runId: RUN_ID,
      client: new LaunchClient(settings),
      interval: 20
    });
    const log = new LogView({
      label: 'Log',
      schedule: callback => setTimeout(callback, 0) as unknown as number
    });
    model.logReceived.connect((_, text) => log.append(text));
    const onTrain = jest.fn();
    const onOpenFolder = jest.fn();
    widget = await mount(
      <RunView
        model={model}
        log={log}
        stopping={false}
        onStop={jest.fn()}
        onTrain={onTrain}
        onOpenFolder={onOpenFolder}
        locale="en"
        trans={trans}
      />
    );
    const node = widget.node;
    void model.refresh();
    await waitFor(() => model.state.stopped, 5000);
    await waitFor(() => log.text.endsWith('Loss = 0.25;\n'));

    // Each log byte once, in order.
    expect(log.text).toBe('Loss = 0.9;\nLoss = 0.5;\nLoss = 0.25;\n');
    const status = node.querySelector('[role="status"]')!;
    await waitFor(() => (status.textContent ?? '').includes('Completed'));
    expect(node.querySelector('[role="log"]')?.getAttribute('aria-label')).toBe(
      'Log'
    );

    // One chart, made once, fed with setData (the chart redraws on its own
    // schedule, after the status line: wait for the last series to arrive).
    expect(UPlot).toHaveBeenCalledTimes(1);
    const chart = UPlot.mock.results[0].value;
    await waitFor(
      () => chart.setData.mock.calls.at(-1)?.[0]?.[0]?.length === 3
    );
    expect(UPlot).toHaveBeenCalledTimes(1);
    expect(chart.setData).toHaveBeenLastCalledWith([
      [100, 101, 102],
      [0.9, 0.5, 0.25]
    ]);
    expect(node.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Chart of loss'
    );
    expect(node.querySelector('h3')?.textContent).toBe('loss0.25');
    expect(node.textContent).toContain('model.tar.gz');

    // Polling has stopped: no more requests.
    const count = requests.length;
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(requests.length).toBe(count);

    const button = (label: string) =>
      Array.from(node.querySelectorAll('button')).find(
        item => item.textContent === label
      )!;
    expect(button('Stop').disabled).toBe(true);
    button('Open output folder').click();
    expect(onOpenFolder).toHaveBeenCalledWith(
      `shared-models-runs/${RUN_ID}/output`
    );
    button('Train on SageMaker').click();
    expect(onTrain).toHaveBeenCalledWith(
      expect.objectContaining({ entry_id: 'churn' })
    );
    model.dispose();
    log.dispose();
  });

  it('reads on at once while the server says the log has more', async () => {
    const logs: Record<string, ICanned> = {
      '0': logSlice(0, 'a', false, true),
      '1': logSlice(1, 'b', false, true),
      '2': logSlice(2, 'c')
    };
    const offsets: string[] = [];
    const { settings } = routedSettings(url => {
      const path = apiPath(url);
      if (path === `local-runs/${RUN_ID}`) {
        return { status: 200, body: json(runStatus()) };
      }
      const offset = url.searchParams.get('offset') ?? '0';
      offsets.push(offset);
      return logs[offset] ?? logSlice(Number(offset), '');
    });
    const model = new LocalRunModel({
      runId: RUN_ID,
      client: new LaunchClient(settings),
      interval: 10000
    });
    let text = '';
    model.logReceived.connect((_, piece) => (text += piece));
    await model.refresh();
    // One tick: three reads, the last one caught up.
    expect(text).toBe('abc');
    expect(offsets).toEqual(['0', '1', '2']);
    model.dispose();
  });

  it('keeps polling an ended run until the final statuses are served', async () => {
    recordServedRules(null);
    const { settings, requests } = routedSettings(url =>
      apiPath(url) === `local-runs/${RUN_ID}`
        ? {
            status: 200,
            body: json(runStatus({ status: 'completed', phase: null }))
          }
        : logSlice(0, '', true)
    );
    const model = new LocalRunModel({
      runId: RUN_ID,
      client: new LaunchClient(settings),
      interval: 10
    });
    await model.refresh();
    await waitFor(() => requests.length >= 6);
    expect(model.state.stopped).toBe(false);
    expect(model.state.value?.status).toBe('completed');

    // Served rules that call "completed" final: the next answer stops it.
    recordServedRules(RULES);
    await waitFor(() => model.state.stopped, 5000);
    const count = requests.length;
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(requests.length).toBe(count);
    model.dispose();
  });

  it('shows the phase while running and the failure reason when failed', async () => {
    const { settings } = routedSettings(() => ({ status: 500, body: '{}' }));
    const model = new LocalRunModel({
      runId: RUN_ID,
      client: new LaunchClient(settings)
    });
    const log = new LogView({ label: 'Log' });
    widget = await mount(
      <RunView
        model={model}
        log={log}
        stopping={false}
        onStop={jest.fn()}
        onTrain={jest.fn()}
        onOpenFolder={jest.fn()}
        trans={trans}
      />
    );
    model.set(runStatus({ phase: 'preparing' }));
    const status = () =>
      widget!.node.querySelector('[role="status"]')!.textContent ?? '';
    await waitFor(() => status().includes('Preparing data and code'));
    expect(status()).toContain('Running');
    model.set(
      runStatus({
        status: 'failed',
        phase: null,
        failure_reason: 'ExecuteUserScriptError:\nExitCode 1'
      })
    );
    await waitFor(() => status().includes('Failed'));
    expect(
      widget.node.querySelector('pre.sme-LaunchView-pre')?.textContent
    ).toBe('ExecuteUserScriptError:\nExitCode 1');
    expect(UPlot).toHaveBeenCalledTimes(1); // the same chart throughout
    model.dispose();
    log.dispose();
  });
});

describe('My launches with a local run', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  it('labels it, follows its status until final, and opens it', async () => {
    const statuses: LocalRunStatusName[] = ['running', 'completed'];
    const { settings, requests } = routedSettings(url => {
      const path = apiPath(url);
      if (path === 'launches') {
        return {
          status: 200,
          body: json({
            items: [
              {
                id: 3,
                kind: 'local-run',
                name: RUN_ID,
                entry_id: 'churn',
                entry_title: 'Churn',
                arn: '',
                region: 'local',
                created_at: '2026-12-01T10:15:00Z'
              }
            ],
            next_cursor: null
          })
        };
      }
      if (path === `local-runs/${RUN_ID}`) {
        const status = statuses.length > 1 ? statuses.shift()! : statuses[0];
        return { status: 200, body: json(runStatus({ status })) };
      }
      return { status: 404, body: '{}' };
    });
    const model = new LaunchesModel({ client: new LaunchClient(settings) });
    const onOpen = jest.fn();
    widget = await mount(
      <LaunchesSection
        model={model}
        onOpen={onOpen}
        idPrefix="t"
        locale="en"
        trans={trans}
      />
    );
    widget.node.querySelector<HTMLButtonElement>('[aria-expanded]')!.click();
    await waitFor(
      () => widget!.node.querySelectorAll('.sme-Launch').length === 1
    );
    const item = widget.node.querySelector('.sme-Launch')!;
    expect(item.getAttribute('data-launch-kind')).toBe('local-run');
    expect(item.querySelector('.sme-Launch-kind')?.textContent).toBe(
      'Local run'
    );
    await waitFor(() => item.textContent!.includes('Running'));
    expect(
      requests.some(r => apiPath(new URL(r.url)) === `local-runs/${RUN_ID}`)
    ).toBe(true);
    item.querySelector<HTMLButtonElement>('.sme-Launch-name')!.click();
    expect(onOpen).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'local-run', name: RUN_ID })
    );
    model.dispose();
  });
});
