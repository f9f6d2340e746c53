import { ServerConnection } from '@jupyterlab/services';
import { Widget } from '@lumino/widgets';
import * as React from 'react';

import { SharedModelsClient } from '../api/catalog';
import { sharedModelsIcon } from '../common/icons';
import { SharedModelsModel } from '../catalog/model';
import { SharedModelsService } from '../catalog/service';
import { ApiError } from '../api/request';
import { PANEL_ID } from '../tokens';
import { SharedModelsPanel } from '../catalog/panel';
import {
  apiPath,
  cannedSettings,
  ICanned,
  json,
  makeEntry,
  page,
  routedSettings,
  waitFor
} from './helpers';
import { RULES } from './wizard-fixtures';

/** A panel whose `/me` answers come from `answers` (the last repeats). */
function createPanel(...answers: ICanned[]): {
  panel: SharedModelsPanel;
  fetch: jest.Mock;
  requests: Request[];
} {
  const queue = [...answers];
  const { settings, fetch, requests } = routedSettings(url => {
    switch (apiPath(url)) {
      case 'me':
        return queue.length > 1 ? queue.shift()! : queue[0];
      case 'entries':
        return { status: 200, body: json(page([])) };
      default:
        return { status: 200, body: json(OPTIONS) };
    }
  });
  return { panel: panelFor(settings), fetch, requests };
}

const OPTIONS = {
  kinds: [],
  data_types: [],
  tasks: {},
  frameworks: [],
  hyperparameter_types: [],
  scalings: [],
  column_types: [],
  image_sources: [],
  instance_types: { training: [], inference: [] },
  rules: RULES
};

function userStatus(panel: SharedModelsPanel): Element | null {
  return panel.node.querySelector('.sme-UserStatus');
}

function panelFor(serverSettings: ServerConnection.ISettings) {
  const client = new SharedModelsClient({ serverSettings });
  return new SharedModelsPanel({ model: new SharedModelsModel({ client }) });
}

const ME = {
  status: 200,
  body: json({ username: 'alice', display_name: 'Alice Liddell' })
};

describe('SharedModelsPanel', () => {
  let panel: SharedModelsPanel | null = null;

  afterEach(() => {
    panel?.model.dispose();
    panel?.dispose();
    panel = null;
  });

  it('is an accessible, titled region of the left area', () => {
    ({ panel } = createPanel(ME));
    expect(panel.id).toBe(PANEL_ID);
    expect(panel.node.getAttribute('role')).toBe('region');
    expect(panel.node.getAttribute('aria-label')).toBe('Shared models');
    expect(panel.title.caption).toBe('Shared models');
    expect(panel.title.icon).toBe(sharedModelsIcon);
    expect(panel.node.querySelector('h2')?.textContent).toBe('Shared models');
  });

  it('fetches nothing until it is shown', async () => {
    const created = createPanel(ME);
    panel = created.panel;
    panel.hide();
    Widget.attach(panel, document.body);
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(created.fetch).not.toHaveBeenCalled();

    panel.show();
    await waitFor(() => panel!.node.textContent!.includes('Alice Liddell'));
    await waitFor(() => created.fetch.mock.calls.length === 3);
    // The user, the vocabularies and the first page: once each.
    expect(created.requests.map(r => apiPath(new URL(r.url))).sort()).toEqual([
      'entries',
      'me',
      'options'
    ]);
  });

  it('shows the signed-in user', async () => {
    ({ panel } = createPanel(ME));
    Widget.attach(panel, document.body);

    await waitFor(() => panel!.node.textContent!.includes('Alice Liddell'));
    expect(userStatus(panel)?.textContent).toBe(
      'Signed in as Alice Liddell (alice)'
    );
    expect(panel.node.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows only the user name when there is no other display name', async () => {
    ({ panel } = createPanel({
      status: 200,
      body: json({ username: 'bob', display_name: 'bob' })
    }));
    Widget.attach(panel, document.body);

    await waitFor(() => panel!.node.textContent!.includes('bob'));
    expect(userStatus(panel)?.textContent).toBe('Signed in as bob');
  });

  it('shows a loading state, then the API error message', async () => {
    let answer: (response: Response) => void = () => undefined;
    const settings = ServerConnection.makeSettings({
      baseUrl: 'http://localhost:8888/',
      fetch: ((request: Request) =>
        new Promise<Response>(resolve => {
          if (new URL(request.url).pathname.endsWith('/me')) {
            answer = resolve;
          }
        })) as unknown as typeof window.fetch
    });
    panel = panelFor(settings);
    Widget.attach(panel, document.body);

    await waitFor(() => panel!.node.textContent!.includes('Loading'));
    expect(userStatus(panel)?.textContent).toBe('Loading your account…');

    answer(
      new Response(
        json({
          error: {
            code: 'unavailable',
            message: 'The catalog store is not reachable.',
            details: []
          }
        }),
        { status: 503 }
      )
    );
    await waitFor(() => panel!.node.querySelector('[role="alert"]') !== null);
    const alert = panel.node.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Could not load your account.');
    expect(alert.textContent).toContain('The catalog store is not reachable.');
    expect(panel.model.me.status).toBe('error');
    const error = (panel.model.me as { error: ApiError }).error;
    expect(error.status).toBe(503);
    expect(error.code).toBe('unavailable');
  });

  it('explains a missing server route, and recovers on Retry', async () => {
    const created = createPanel(
      {
        status: 404,
        statusText: 'Not Found',
        body: '<html><title>404 : Not Found</title></html>',
        contentType: 'text/html'
      },
      ME
    );
    panel = created.panel;
    Widget.attach(panel, document.body);

    await waitFor(() => panel!.node.querySelector('[role="alert"]') !== null);
    const alert = panel.node.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain(
      'Not found (HTTP 404 Not Found). Is the shared_models_ext server extension enabled?'
    );
    expect(alert.textContent).not.toContain('<html>');

    const retry = alert.querySelector('button');
    expect(retry?.textContent).toBe('Retry');
    retry!.click();

    await waitFor(() => panel!.node.textContent!.includes('Alice Liddell'));
    expect(panel.node.querySelector('[role="alert"]')).toBeNull();
    const me = created.requests.filter(r => apiPath(new URL(r.url)) === 'me');
    expect(me).toHaveLength(2);
  });
});

describe('ISharedModels (what the other plugins get of the panel)', () => {
  it('adds their buttons and badges to the cards, and their sections under the list', async () => {
    const { settings } = routedSettings(url => {
      switch (apiPath(url)) {
        case 'me':
          return ME;
        case 'entries':
          return {
            status: 200,
            body: json(page([makeEntry({ id: 'churn', owner: 'alice' })]))
          };
        case 'entries/churn':
          return { status: 200, body: json(makeEntry({ id: 'churn' })) };
        default:
          return { status: 200, body: json(OPTIONS) };
      }
    });
    const panel = panelFor(settings);
    const catalog = new SharedModelsService({ model: panel.model, panel });
    expect(catalog.serverSettings).toBe(settings);
    const ran: string[] = [];
    const extension = catalog.addEntryExtension({
      actions: (entry, isOwner) =>
        isOwner
          ? [
              {
                id: 'ping',
                label: 'Ping',
                title: 'Ping it',
                execute: () => ran.push(entry.id)
              }
            ]
          : [],
      Badges: props => (
        <span className="sme-TestBadge">{`${props.place}:${props.entry.id}`}</span>
      )
    });
    const section = new Widget();
    section.addClass('sme-TestSection');
    catalog.addPanelSection(section);
    Widget.attach(panel, document.body);

    await waitFor(() => panel.node.querySelector('.sme-EntryCard') !== null);
    await waitFor(() => catalog.isOwner({ owner: 'alice' }));
    await waitFor(() =>
      Array.from(panel.node.querySelectorAll('.sme-EntryCard button')).some(
        button => button.textContent === 'Ping'
      )
    );
    expect(panel.node.querySelector('.sme-TestBadge')?.textContent).toBe(
      'card:churn'
    );
    const ping = Array.from(
      panel.node.querySelectorAll<HTMLButtonElement>('.sme-EntryCard button')
    ).find(button => button.textContent === 'Ping')!;
    expect(ping.title).toBe('Ping it');
    ping.click();
    expect(ran).toEqual(['churn']);
    expect(catalog.findEntry('churn')?.id).toBe('churn');
    await expect(catalog.getEntry('churn')).resolves.toMatchObject({
      id: 'churn'
    });
    // The section is the panel's last.
    const sections = panel.node.querySelectorAll('.lm-Widget');
    expect(
      sections[sections.length - 1].classList.contains('sme-TestSection')
    ).toBe(true);

    extension.dispose();
    await waitFor(() => panel.node.querySelector('.sme-TestBadge') === null);
    panel.model.dispose();
    panel.dispose();
  });
});

describe('SharedModelsModel', () => {
  it('keeps the newest answer when refreshes overlap', async () => {
    const answers: Array<(value: Response) => void> = [];
    const settings = ServerConnection.makeSettings({
      baseUrl: 'http://localhost:8888/',
      fetch: (() =>
        new Promise<Response>(resolve => {
          answers.push(resolve);
        })) as unknown as typeof window.fetch
    });
    const model = new SharedModelsModel({
      client: new SharedModelsClient({ serverSettings: settings })
    });
    const first = model.refreshMe();
    const second = model.refreshMe();
    await waitFor(() => answers.length === 2);

    answers[1](
      new Response(json({ username: 'new', display_name: 'New' }), {
        status: 200
      })
    );
    await second;
    answers[0](
      new Response(json({ username: 'old', display_name: 'Old' }), {
        status: 200
      })
    );
    await first;

    expect(model.me).toEqual({
      status: 'ready',
      value: { username: 'new', display_name: 'New' }
    });
    model.dispose();
  });

  it('emits stateChanged when settings change', () => {
    const model = new SharedModelsModel({
      client: new SharedModelsClient({
        serverSettings: cannedSettings(ME).settings
      })
    });
    const seen: string[] = [];
    model.stateChanged.connect(() => seen.push(model.settings.defaultTab));
    model.settings = { ...model.settings, defaultTab: 'mine' };
    expect(seen).toEqual(['mine']);
    expect(model.settings.pageSize).toBe(50);
    model.dispose();
  });
});
