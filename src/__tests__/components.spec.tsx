import { nullTranslator } from '@jupyterlab/translation';
import type { Widget } from '@lumino/widgets';
import * as React from 'react';

import { EntryCard } from '../catalog/EntryCard';
import { FilterPanel } from '../catalog/FilterPanel';
import { SortSelect } from '../catalog/SortSelect';
import type { ListSort } from '../catalog/query';
import { Tabs } from '../common/Tabs';
import { Vocabulary } from '../common/labels';
import type { CatalogTab } from '../common/settings';
import { makeEntry, waitFor } from './helpers';
import { buttonNames, mount, press } from './render';

const trans = nullTranslator.load('shared_models_ext');

describe('SortSelect', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  const options = (node: Element) =>
    [...node.querySelectorAll('option')].map(option => option.textContent);

  it('offers Best match only while there is a search', async () => {
    const chosen: ListSort[] = [];
    widget = await mount(
      <SortSelect
        id="sort"
        value="relevance"
        searching={true}
        onChange={sort => chosen.push(sort)}
        trans={trans}
      />
    );
    const select = widget.node.querySelector('select') as HTMLSelectElement;
    expect(widget.node.querySelector('label')?.textContent).toBe('Sort by');
    expect(select.labels?.[0]?.textContent).toBe('Sort by');
    expect(options(widget.node)).toEqual([
      'Best match',
      'Last updated',
      'Title A–Z',
      'Title Z–A'
    ]);
    expect(select.value).toBe('relevance');
    select.value = 'title-desc';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(chosen).toEqual(['title-desc']);
    widget.dispose();

    widget = await mount(
      <SortSelect
        id="sort"
        value="updated"
        searching={false}
        onChange={() => undefined}
        trans={trans}
      />
    );
    expect(options(widget.node)).toEqual([
      'Last updated',
      'Title A–Z',
      'Title Z–A'
    ]);
  });
});

describe('Tabs', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  function TabsHarness(props: { onSelect: (tab: CatalogTab) => void }) {
    const [tab, setTab] = React.useState<CatalogTab>('organization');
    return (
      <Tabs
        selected={tab}
        onSelect={next => {
          setTab(next);
          props.onSelect(next);
        }}
        panelId="list"
        idPrefix="tab"
        trans={trans}
      />
    );
  }

  it('is a WAI-ARIA tab list with a roving tab stop', async () => {
    const selected: CatalogTab[] = [];
    widget = await mount(<TabsHarness onSelect={tab => selected.push(tab)} />);
    const tabs = [...widget.node.querySelectorAll('[role="tab"]')];
    expect(tabs.map(tab => tab.textContent)).toEqual([
      'Shared by me',
      'Shared with me',
      'Shared by my organization'
    ]);
    expect(widget.node.querySelector('[role="tablist"]')).not.toBeNull();
    expect(tabs.map(tab => tab.getAttribute('tabindex'))).toEqual([
      '-1',
      '-1',
      '0'
    ]);
    expect(tabs[2].getAttribute('aria-selected')).toBe('true');
    expect(tabs[2].getAttribute('aria-controls')).toBe('list');

    // Right from the last tab wraps to the first, and selects it.
    press(tabs[2], 'ArrowRight');
    await waitFor(() => tabs[0].getAttribute('aria-selected') === 'true');
    expect(document.activeElement).toBe(tabs[0]);
    expect(tabs.map(tab => tab.getAttribute('tabindex'))).toEqual([
      '0',
      '-1',
      '-1'
    ]);
    press(tabs[0], 'ArrowLeft');
    await waitFor(() => tabs[2].getAttribute('aria-selected') === 'true');
    press(tabs[2], 'Home');
    await waitFor(() => tabs[0].getAttribute('aria-selected') === 'true');
    press(tabs[0], 'End');
    await waitFor(() => tabs[2].getAttribute('aria-selected') === 'true');
    (tabs[1] as HTMLElement).click();
    await waitFor(() => tabs[1].getAttribute('aria-selected') === 'true');
    expect(selected).toEqual([
      'mine',
      'organization',
      'mine',
      'organization',
      'shared-with-me'
    ]);
  });
});

describe('EntryCard', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  const entry = makeEntry({
    id: 'churn',
    title: 'Churn <img src=x onerror="window.__hacked=1">',
    owner: 'bob',
    keywords: ['churn', '<b>bold</b>'],
    data_type: 'tabular',
    task: 'tabular-classification',
    framework: 'xgboost',
    share: { organization: true, users: [], canvas_users: ['c1'] },
    training: {} as never,
    updated_at: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString()
  });

  function card(isOwner: boolean, onAction = jest.fn()) {
    return (
      <EntryCard
        entry={entry}
        isOwner={isOwner}
        selected={false}
        vocabulary={new Vocabulary(null)}
        locale="en"
        onAction={onAction}
        onSelect={jest.fn()}
        trans={trans}
      />
    );
  }

  it('offers Details (and Train and Run locally, training being enabled) to someone who does not own the entry', async () => {
    const onAction = jest.fn();
    widget = await mount(card(false, onAction));
    expect(buttonNames(widget.node)).toEqual([
      'Details',
      'Train',
      'Run locally'
    ]);
    widget.node.querySelectorAll('button')[2].click();
    expect(onAction).toHaveBeenCalledWith('run-locally', entry);
    expect(widget.node.textContent).toContain('By bob');
  });

  it('offers Edit, Share… and Delete to the owner', async () => {
    const onAction = jest.fn();
    widget = await mount(card(true, onAction));
    expect(buttonNames(widget.node)).toEqual([
      'Details',
      'Train',
      'Run locally',
      'Edit',
      'Share…',
      'Delete'
    ]);
    const buttons = widget.node.querySelectorAll('button');
    buttons[5].click();
    expect(onAction).toHaveBeenCalledWith('delete', entry);
    // Enter on the focused card opens the details.
    const article = widget.node.querySelector('article')!;
    press(article, 'Enter');
    expect(onAction).toHaveBeenLastCalledWith('details', entry);
    expect(widget.node.textContent).toContain('By you');
  });

  it('offers Open on a notebook to anyone who sees it', async () => {
    const notebook = makeEntry({
      id: 'eda',
      kind: 'notebook',
      owner: 'bob',
      notebook: { s3_uri: 's3://team/notebooks/eda.ipynb' }
    });
    const onAction = jest.fn();
    widget = await mount(
      <EntryCard
        entry={notebook}
        isOwner={false}
        selected={false}
        vocabulary={new Vocabulary(null)}
        locale="en"
        onAction={onAction}
        onSelect={jest.fn()}
        trans={trans}
      />
    );
    expect(buttonNames(widget.node)).toEqual(['Details', 'Open']);
    const open = widget.node.querySelectorAll('button')[1];
    open.click();
    expect(onAction).toHaveBeenCalledWith('open', notebook);
    // Models are not opened.
    expect(buttonNames(widget.node)).not.toContain('Edit');
  });

  it('shows what the entry is, as text (never as HTML)', async () => {
    widget = await mount(card(false));
    const node = widget.node;
    expect(node.querySelector('h3')?.textContent).toBe(entry.title);
    expect(node.querySelector('img')).toBeNull();
    expect(node.querySelector('b')).toBeNull();
    expect(
      [...node.querySelectorAll('.sme-Keyword')].map(k => k.textContent)
    ).toEqual(['churn', '<b>bold</b>']);
    expect(
      [...node.querySelectorAll('.sme-EntryCard-badges li')].map(
        badge => badge.textContent
      )
    ).toEqual(['Training', 'Canvas']);
    const time = node.querySelector('time')!;
    expect(time.textContent).toBe('Updated 3 days ago');
    expect(time.getAttribute('title')).toMatch(/\d{4}/);
    expect(time.getAttribute('dateTime')).toBe(entry.updated_at);
    expect(node.querySelector('article')?.getAttribute('tabindex')).toBe('0');
  });
});

describe('FilterPanel', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  it('applies a facet at once, and closes on Escape', async () => {
    const onChange = jest.fn();
    const onClose = jest.fn();
    widget = await mount(
      <FilterPanel
        id="filters"
        filters={{}}
        vocabulary={new Vocabulary(null)}
        optionsError={null}
        onChange={onChange}
        onClear={jest.fn()}
        onClose={onClose}
        trans={trans}
      />
    );
    const dialog = widget.node.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Filters');
    const radios = [
      ...dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')
    ];
    expect(radios.map(radio => radio.parentElement?.textContent)).toEqual([
      'All',
      'Models',
      'Notebooks'
    ]);
    radios[2].click();
    expect(onChange).toHaveBeenCalledWith('kind', 'notebook');
    dialog.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    expect(onChange).toHaveBeenCalledWith('canvas', true);

    press(radios[2], 'Escape');
    expect(onClose).toHaveBeenCalledWith(true);

    // A click outside closes it too, without taking the focus back.
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(onClose).toHaveBeenLastCalledWith(false);
  });
});
