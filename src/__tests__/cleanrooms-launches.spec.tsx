import * as React from 'react';
import { nullTranslator } from '@jupyterlab/translation';
import type { Widget } from '@lumino/widgets';

import { LaunchClient } from '../api/launches';
import {
  consoleUrl,
  LaunchesSection
} from '../launch/components/LaunchesSection';
import { LaunchesModel } from '../launch/launchesModel';
import type { ILaunch } from '../launch/types';
import { TRANSLATION_DOMAIN } from '../tokens';
import { apiPath, flush, json, routedSettings, waitFor } from './helpers';
import { mount } from './render';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

const ALGORITHM: ILaunch = {
  id: 2,
  kind: 'cr-algorithm',
  name: 'churn-model',
  entry_id: 'churn',
  entry_title: 'Churn',
  arn: 'arn:aws:cleanrooms-ml:eu-west-1:123456789012:configured-model-algorithm/abc',
  region: 'eu-west-1',
  created_at: '2026-12-01T10:00:00Z'
};

const ASSOCIATION: ILaunch = {
  id: 3,
  kind: 'cr-association',
  name: 'churn-assoc',
  entry_id: 'churn',
  entry_title: 'Churn',
  arn: 'arn:aws:cleanrooms-ml:eu-west-1:123456789012:membership/m/configured-model-algorithm-association/def',
  region: 'eu-west-1',
  created_at: '2026-12-01T10:00:01Z'
};

describe('Clean Rooms ML registrations in My launches', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  it('links each to the AWS console, shows its ARN and polls no status', async () => {
    const paths: string[] = [];
    const { settings } = routedSettings(url => {
      paths.push(apiPath(url));
      return {
        status: 200,
        body: json({ items: [ASSOCIATION, ALGORITHM], next_cursor: null })
      };
    });
    const model = new LaunchesModel({ client: new LaunchClient(settings) });
    widget = await mount(
      <LaunchesSection
        model={model}
        onOpen={jest.fn()}
        idPrefix="t"
        locale="en"
        trans={trans}
      />
    );
    widget.node.querySelector<HTMLButtonElement>('[aria-expanded]')!.click();
    await waitFor(
      () => widget!.node.querySelectorAll('.sme-Launch').length === 2
    );
    await flush();
    expect(paths).toEqual(['launches']);
    const links = Array.from(
      widget.node.querySelectorAll<HTMLAnchorElement>('a.sme-Launch-name')
    );
    expect(links.map(link => [link.textContent, link.href])).toEqual([
      [
        'churn-assoc',
        'https://eu-west-1.console.aws.amazon.com/cleanrooms/home?region=eu-west-1'
      ],
      [
        'churn-model',
        'https://eu-west-1.console.aws.amazon.com/cleanrooms/home?region=eu-west-1'
      ]
    ]);
    expect(links[0].target).toBe('_blank');
    expect(links[0].rel).toContain('noopener');
    const kinds = Array.from(
      widget.node.querySelectorAll('.sme-Launch-kind')
    ).map(kind => kind.textContent);
    expect(kinds).toEqual([
      'Clean Rooms ML association',
      'Clean Rooms ML algorithm'
    ]);
    expect(widget.node.textContent).toContain(ALGORITHM.arn);
    model.dispose();
  });

  it('links to the console of the launch’s service, in its region', () => {
    expect(consoleUrl(ALGORITHM)).toBe(
      'https://eu-west-1.console.aws.amazon.com/cleanrooms/home?region=eu-west-1'
    );
    expect(
      consoleUrl({ ...ALGORITHM, kind: 'hub-content', name: 'team/churn' })
    ).toBe(
      'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1'
    );
  });
});
