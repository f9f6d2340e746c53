import { Dialog } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';

import { DestinationsClient } from '../api/destinations';
import { showHubDialog } from '../destinations/hubDialog';
import { createHubBody, hubFormValue } from '../destinations/hubForm';
import type { IHub } from '../destinations/types';
import { TRANSLATION_DOMAIN } from '../tokens';
import {
  apiPath,
  ICanned,
  json,
  makeEntry,
  routedSettings,
  waitFor
} from './helpers';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

const hub = (name: string, display: string | null = null): IHub => ({
  name,
  arn: `arn:aws:sagemaker:us-east-1:123456789012:hub/${name}`,
  display_name: display,
  description: `${name} hub`,
  status: 'InService'
});

const ENTRY = makeEntry({ id: 'churn-model', title: 'Churn model' });

describe('the Publish to hub… form', () => {
  it('gives the body of POST /hubs without the optional fields left empty', () => {
    expect(
      createHubBody({
        ...hubFormValue(),
        new_name: ' team-hub ',
        new_description: ' Our models '
      })
    ).toEqual({ name: 'team-hub', description: 'Our models' });
    expect(
      createHubBody({
        ...hubFormValue(),
        new_name: 'team-hub',
        new_description: 'Our models',
        new_display_name: 'Team hub',
        new_keywords: 'churn, tabular  xgboost'
      })
    ).toEqual({
      name: 'team-hub',
      description: 'Our models',
      display_name: 'Team hub',
      search_keywords: ['churn', 'tabular', 'xgboost']
    });
  });
});

const dialogNode = () => document.querySelector<HTMLElement>('.jp-Dialog');
const footerButton = (label: string) =>
  Array.from(
    document.querySelectorAll<HTMLButtonElement>('.jp-Dialog-footer button')
  ).find(button => button.textContent?.trim() === label)!;
const button = (label: string) =>
  Array.from(
    document.querySelectorAll<HTMLButtonElement>('.jp-Dialog-body button')
  ).find(node => node.textContent?.trim() === label);
const radios = () =>
  Array.from(
    document.querySelectorAll<HTMLInputElement>('.sme-HubForm-list input')
  );
const radioNames = () =>
  radios().map(input => input.parentElement!.textContent ?? '');
const byLabel = (label: string): HTMLInputElement => {
  const node = Array.from(document.querySelectorAll('label')).find(
    item => item.textContent === label
  );
  return document.getElementById(
    node?.getAttribute('for') ?? ''
  ) as HTMLInputElement;
};
const describedBy = (control: HTMLElement): string =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map(id => document.getElementById(id)?.textContent ?? '')
    .join(' ');

function type(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(
    HTMLInputElement.prototype,
    'value'
  )!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the Publish to hub… dialog', () => {
  afterEach(() => {
    Dialog.flush();
    document.body.innerHTML = '';
  });

  it('lists the hubs page by page and publishes to the one chosen', async () => {
    const gets: string[] = [];
    const posts: Array<{ path: string; body: unknown }> = [];
    const { settings } = routedSettings(async (url, request) => {
      const path = apiPath(url);
      if (request.method === 'GET' && path === 'hubs') {
        gets.push(url.search);
        return {
          status: 200,
          body: json(
            url.searchParams.get('cursor') === 'page-2'
              ? { items: [hub('research')], next_cursor: null }
              : { items: [hub('team', 'Team models')], next_cursor: 'page-2' }
          )
        };
      }
      posts.push({ path, body: await request.clone().json() });
      return {
        status: 201,
        body: json({
          hub_name: 'research',
          content_name: 'churn-model',
          content_type: 'Model',
          version: '1.0.0',
          status: 'Available',
          arn: 'arn:aws:sagemaker:us-east-1:123456789012:hub-content/research/Model/churn-model/1.0.0'
        })
      };
    });
    const onPublished = jest.fn();
    const closed = showHubDialog({
      entry: ENTRY,
      client: new DestinationsClient(settings),
      trans,
      pageSize: 1,
      onPublished
    });
    await waitFor(() => radios().length === 2);
    expect(dialogNode()!.getAttribute('aria-label')).toBe(
      'Publish Churn model to a SageMaker private hub'
    );
    expect(radioNames()).toEqual(['Team modelsteamInService', 'Create hub']);
    // The first hub is chosen.
    expect(radios()[0].checked).toBe(true);
    expect(gets).toEqual(['?limit=1']);

    button('Load more hubs')!.click();
    await waitFor(() => radios().length === 3);
    expect(gets).toEqual(['?limit=1', '?limit=1&cursor=page-2']);
    expect(button('Load more hubs')).toBeUndefined();

    radios()[1].click();
    footerButton('Publish').click();
    await closed;
    expect(posts).toEqual([
      {
        path: 'entries/churn-model/hub-publications',
        body: { hub_name: 'research' }
      }
    ]);
    expect(onPublished).toHaveBeenCalledWith(
      expect.objectContaining({ hub_name: 'research', version: '1.0.0' })
    );
  });

  it('creates a hub (its 400 on its fields), then publishes to it without creating it twice', async () => {
    const posts: Array<{ path: string; body: unknown }> = [];
    const answers: ICanned[] = [
      {
        status: 400,
        body: json({
          error: {
            code: 'invalid',
            message: 'Invalid hub',
            details: [
              {
                loc: ['body', 'name'],
                msg: 'letters, digits and hyphens only'
              },
              { loc: ['body', 'search_keywords', 1], msg: 'must be lowercase' }
            ]
          }
        })
      },
      { status: 201, body: json(hub('team-hub')) },
      {
        status: 503,
        body: json({
          error: {
            code: 'unavailable',
            message: 'No AWS credentials.',
            details: []
          }
        })
      },
      {
        status: 201,
        body: json({
          hub_name: 'team-hub',
          content_name: 'churn-model',
          content_type: 'Model',
          version: '1.0.0',
          status: 'Importing',
          arn: 'arn:aws:sagemaker:us-east-1:123456789012:hub-content/team-hub/Model/churn-model/1.0.0'
        })
      }
    ];
    let hubs: IHub[] = [];
    const { settings } = routedSettings(async (url, request) => {
      const path = apiPath(url);
      if (request.method === 'GET') {
        return { status: 200, body: json({ items: hubs, next_cursor: null }) };
      }
      posts.push({ path, body: await request.clone().json() });
      const answer = answers.shift()!;
      if (path === 'hubs' && answer.status === 201) {
        hubs = [hub('team-hub')];
      }
      return answer;
    });
    const onPublished = jest.fn();
    const closed = showHubDialog({
      entry: ENTRY,
      client: new DestinationsClient(settings),
      trans,
      onPublished
    });
    // No hub yet: Create hub is chosen, its fields shown.
    await waitFor(() => byLabel('Hub name') !== null);
    expect(dialogNode()!.textContent).toContain('no private hub yet');
    type(byLabel('Hub name'), 'Team Hub');
    type(byLabel('Hub description'), 'Our models');
    type(byLabel('Search keywords'), 'churn Tabular');
    footerButton('Publish').click();
    const name = byLabel('Hub name');
    await waitFor(() => name.getAttribute('aria-invalid') === 'true');
    expect(describedBy(name)).toContain('letters, digits and hyphens only');
    expect(describedBy(byLabel('Search keywords'))).toContain(
      'Item 2: must be lowercase'
    );
    expect(posts).toEqual([
      {
        path: 'hubs',
        body: {
          name: 'Team Hub',
          description: 'Our models',
          search_keywords: ['churn', 'Tabular']
        }
      }
    ]);

    type(byLabel('Hub name'), 'team-hub');
    type(byLabel('Search keywords'), 'churn tabular');
    footerButton('Publish').click();
    // The hub is created, the publication fails: the hub stays chosen.
    await waitFor(() =>
      (document.querySelector('[role="alert"]')?.textContent ?? '').includes(
        'No AWS credentials.'
      )
    );
    await waitFor(() => radios().length === 2 && radios()[0].checked);
    expect(radioNames()[0]).toContain('team-hub');

    footerButton('Publish').click();
    await closed;
    expect(posts.map(post => post.path)).toEqual([
      'hubs',
      'hubs',
      'entries/churn-model/hub-publications',
      'entries/churn-model/hub-publications'
    ]);
    expect(posts[3].body).toEqual({ hub_name: 'team-hub' });
    expect(onPublished).toHaveBeenCalledWith(
      expect.objectContaining({ hub_name: 'team-hub', status: 'Importing' })
    );
  });
});
