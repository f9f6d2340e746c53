import * as React from 'react';
import { nullTranslator } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';
import type { Widget } from '@lumino/widgets';

import { EntryCard } from '../catalog/EntryCard';
import { DestinationsClient } from '../api/destinations';
import { destinationExtension } from '../destinations/card';
import { DestinationCommandIDs, Destinations } from '../destinations/service';
import { Vocabulary } from '../common/labels';
import { IEntryExtension, TRANSLATION_DOMAIN } from '../tokens';
import type { IEntry } from '../api/types';
import {
  apiPath,
  flush,
  json,
  makeEntry,
  routedSettings,
  waitFor
} from './helpers';
import { buttonNames, mount } from './render';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

/** An IntersectionObserver the test drives: `show()` scrolls the cards into view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  constructor(callback: (records: Array<{ isIntersecting: boolean }>) => void) {
    this._callback = callback;
    FakeObserver.all.push(this);
  }
  observe(node: Element): void {
    this.nodes.push(node);
  }
  disconnect(): void {
    this.nodes = [];
  }
  static show(): void {
    for (const observer of FakeObserver.all) {
      if (observer.nodes.length > 0) {
        observer._callback([{ isIntersecting: true }]);
      }
    }
  }
  nodes: Element[] = [];
  private _callback: (records: Array<{ isIntersecting: boolean }>) => void;
}

describe('the destination actions and hub badges of a card', () => {
  let widget: Widget | null = null;
  let executed: Array<{ command: string; id: unknown }>;
  let paths: string[];
  let destinations: Destinations;
  let extensions: IEntryExtension[];

  beforeEach(() => {
    FakeObserver.all = [];
    (
      window as unknown as { IntersectionObserver: unknown }
    ).IntersectionObserver = FakeObserver;
    executed = [];
    paths = [];
    const commands = new CommandRegistry();
    for (const command of [
      DestinationCommandIDs.registerCleanRooms,
      DestinationCommandIDs.publishToHub
    ]) {
      commands.addCommand(command, {
        describedBy: { args: { type: 'object', properties: {} } },
        execute: args => {
          executed.push({ command, id: args.id });
        }
      });
    }
    const { settings } = routedSettings(url => {
      paths.push(apiPath(url));
      return {
        status: 200,
        body: json({
          items: [
            {
              hub_name: 'team',
              content_name: 'churn',
              content_type: 'Model',
              version: '2.0.0',
              status: 'Available',
              arn: 'arn:aws:sagemaker:us-east-1:123456789012:hub-content/team/Model/churn/2.0.0'
            },
            {
              hub_name: 'research',
              content_name: 'churn',
              content_type: 'Model',
              version: '1.0.0',
              status: 'Importing',
              arn: 'arn:aws:sagemaker:us-east-1:123456789012:hub-content/research/Model/churn/1.0.0'
            }
          ]
        })
      };
    });
    // What the destinations plugin adds to the catalog's entries.
    destinations = new Destinations({
      commands,
      client: new DestinationsClient(settings)
    });
    extensions = [destinationExtension(destinations, trans)];
  });

  afterEach(() => {
    widget?.dispose();
    widget = null;
    destinations.dispose();
    delete (window as unknown as { IntersectionObserver?: unknown })
      .IntersectionObserver;
  });

  const card = (entry: IEntry, isOwner: boolean) => (
    <EntryCard
      entry={entry}
      isOwner={isOwner}
      selected={false}
      vocabulary={new Vocabulary(null)}
      extensions={extensions}
      locale="en"
      onAction={jest.fn()}
      onSelect={jest.fn()}
      trans={trans}
    />
  );

  it('offers Register with Clean Rooms ML on a model, Publish to hub… to its owner only', async () => {
    const model = makeEntry({ id: 'churn', owner: 'bob' });
    widget = await mount(card(model, false));
    expect(buttonNames(widget.node)).toEqual([
      'Details',
      'Register with Clean Rooms ML'
    ]);
    widget.dispose();

    widget = await mount(card(model, true));
    expect(buttonNames(widget.node)).toEqual([
      'Details',
      'Register with Clean Rooms ML',
      'Publish to hub…',
      'Edit',
      'Share…',
      'Delete'
    ]);
    const buttons = Array.from(widget.node.querySelectorAll('button'));
    buttons[1].click();
    buttons[2].click();
    expect(executed).toEqual([
      { command: DestinationCommandIDs.registerCleanRooms, id: 'churn' },
      { command: DestinationCommandIDs.publishToHub, id: 'churn' }
    ]);
    widget.dispose();

    const notebook = makeEntry({ id: 'eda', kind: 'notebook' });
    widget = await mount(card(notebook, true));
    expect(buttonNames(widget.node)).toContain('Publish to hub…');
    expect(buttonNames(widget.node)).not.toContain(
      'Register with Clean Rooms ML'
    );
  });

  it('asks where the entry is published only once the card is on screen, and shows “In hub <name> · v<version>”', async () => {
    widget = await mount(card(makeEntry({ id: 'churn' }), true));
    await flush();
    expect(paths).toEqual([]);
    FakeObserver.show();
    await waitFor(
      () => widget!.node.querySelectorAll('.sme-mod-hub').length === 2
    );
    expect(paths).toEqual(['entries/churn/hub-publications']);
    const badges = Array.from(widget.node.querySelectorAll('.sme-mod-hub'));
    expect(badges.map(badge => badge.textContent)).toEqual([
      'In hub team · v2.0.0',
      'In hub research · v1.0.0 · Importing'
    ]);
    expect(badges[0].getAttribute('title')).toContain('Available');

    // Another card of the same entry (a re-render): asked once only.
    widget.dispose();
    widget = await mount(card(makeEntry({ id: 'churn' }), true));
    FakeObserver.show();
    await flush();
    expect(widget.node.querySelectorAll('.sme-mod-hub')).toHaveLength(2);
    expect(paths).toEqual(['entries/churn/hub-publications']);
  });

  it('asks nothing for a colleague’s card (only owners publish; the details view shows it)', async () => {
    widget = await mount(
      card(makeEntry({ id: 'theirs', owner: 'bob' }), false)
    );
    FakeObserver.show();
    await flush();
    expect(paths).toEqual([]);
    expect(widget.node.querySelectorAll('.sme-mod-hub')).toHaveLength(0);
  });
});
