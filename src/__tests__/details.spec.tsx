import { Sanitizer } from '@jupyterlab/apputils';
import {
  RenderMimeRegistry,
  standardRendererFactories
} from '@jupyterlab/rendermime';
import { nullTranslator } from '@jupyterlab/translation';
import type { Widget } from '@lumino/widgets';
import * as React from 'react';

import { EntryDetails } from '../details/EntryDetails';
import { MarkdownView } from '../details/MarkdownView';
import { Vocabulary } from '../common/labels';
import { makeEntry, waitFor } from './helpers';
import { buttonNames, mount } from './render';

const trans = nullTranslator.load('shared_models_ext');

/**
 * JupyterLab's registry with its sanitizer. The Markdown parser (marked, in
 * JupyterLab) is replaced by one that passes HTML through, so what reaches
 * the page is exactly what the sanitizer lets through.
 */
function registry(): RenderMimeRegistry {
  return new RenderMimeRegistry({
    initialFactories: standardRendererFactories,
    sanitizer: new Sanitizer(),
    markdownParser: {
      render: async (source: string) =>
        source
          .replace(/^# (.*)$/m, '<h1>$1</h1>')
          .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>')
    }
  });
}

const HOSTILE = `# Notes

<script>window.__smeInjected = true;</script>
<img src="x" onerror="window.__smeInjected = true">
<a href="#" onclick="window.__smeInjected = true">click</a>
[a link](javascript:window.__smeInjected=true)
[the docs](https://example.com/docs)
<iframe src="https://example.com"></iframe>`;

describe('MarkdownView', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
    delete (window as unknown as Record<string, unknown>).__smeInjected;
  });

  it('renders the description untrusted: scripts and javascript: links are inert', async () => {
    widget = await mount(
      <MarkdownView source={HOSTILE} rendermime={registry()} placeholder="" />
    );
    const node = widget.node;
    await waitFor(() => node.querySelector('h1') !== null);
    expect(node.querySelector('h1')?.textContent).toContain('Notes');
    expect(node.querySelector('script')).toBeNull();
    expect(node.querySelector('iframe')).toBeNull();
    expect(node.querySelector('[onerror]')).toBeNull();
    expect(node.querySelector('[onclick]')).toBeNull();
    const links = [...node.querySelectorAll('a')];
    for (const link of links) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
    }
    expect(
      links.find(link => link.textContent === 'the docs')?.getAttribute('href')
    ).toBe('https://example.com/docs');
    expect(
      (window as unknown as Record<string, unknown>).__smeInjected
    ).toBeUndefined();
  });

  it('shows the text as text without a registry, and a placeholder when empty', async () => {
    widget = await mount(
      <MarkdownView
        source="<b>not bold</b>"
        rendermime={null}
        placeholder="No description."
      />
    );
    expect(widget.node.querySelector('b')).toBeNull();
    expect(widget.node.textContent).toBe('<b>not bold</b>');
    widget.dispose();
    widget = await mount(
      <MarkdownView
        source="  "
        rendermime={null}
        placeholder="No description."
      />
    );
    expect(widget.node.textContent).toBe('No description.');
  });
});

describe('EntryDetails', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  it('shows every field, and owner actions only to the owner', async () => {
    const entry = makeEntry({
      id: 'churn',
      title: 'Churn',
      kind: 'notebook',
      keywords: ['churn'],
      owner: 'bob',
      share: {
        organization: false,
        users: ['alice', 'carol'],
        canvas_users: []
      },
      notebook: { s3_uri: 's3://b/n.ipynb' },
      version: 7
    });
    const props = {
      entry,
      vocabulary: new Vocabulary(null),
      rendermime: null,
      onAction: jest.fn(),
      onRefresh: jest.fn(),
      locale: 'en',
      trans
    };
    widget = await mount(<EntryDetails {...props} isOwner={false} />);
    const text = widget.node.textContent!;
    for (const part of [
      'Churn',
      'Notebook',
      'churn',
      'bob',
      's3://b/n.ipynb',
      'alice, carol',
      'Not shared with the organization',
      '7'
    ]) {
      expect(text).toContain(part);
    }
    // Anyone who sees a notebook may open a copy of it.
    expect(buttonNames(widget.node)).toEqual(['Open', 'Reload']);
    [...widget.node.querySelectorAll('button')]
      .find(button => button.textContent === 'Open')!
      .click();
    expect(props.onAction).toHaveBeenCalledWith('open');
    widget.dispose();

    widget = await mount(<EntryDetails {...props} isOwner={true} />);
    expect(buttonNames(widget.node)).toEqual([
      'Open',
      'Edit',
      'Share…',
      'Delete',
      'Reload'
    ]);
  });
});
