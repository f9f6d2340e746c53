import { Dialog } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';

import { browseS3 } from '../s3/dialog';
import { ApiError } from '../api/request';
import type { IS3Lister } from '../s3/browserModel';
import { TRANSLATION_DOMAIN } from '../tokens';
import type { IS3Listing } from '../api/types';
import { waitFor } from './helpers';
import { press } from './render';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

/** An in-memory S3: bucket → keys; pages of `pageSize` rows with numeric cursors. */
function fakeS3(
  buckets: Record<string, string[]>,
  failures: Record<string, ApiError> = {}
): IS3Lister & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    listBuckets: async () => {
      calls.push('buckets');
      return {
        buckets: Object.keys(buckets)
          .sort()
          .map(name => ({ name, uri: `s3://${name}/` }))
      };
    },
    listS3: async (uri, options) => {
      calls.push(`${uri}#${options.cursor ?? ''}`);
      if (failures[uri]) {
        throw failures[uri];
      }
      const [, , bucket, ...rest] = uri.split('/');
      const prefix = rest.join('/');
      const keys = buckets[bucket];
      if (!keys) {
        throw new ApiError({
          status: 404,
          code: 'not_found',
          message: 'AWS said NoSuchBucket: The specified bucket does not exist'
        });
      }
      const folders = new Set<string>();
      const objects: string[] = [];
      for (const key of keys.filter(k => k.startsWith(prefix)).sort()) {
        const tail = key.slice(prefix.length);
        const slash = tail.indexOf('/');
        if (slash >= 0) {
          folders.add(tail.slice(0, slash));
        } else if (tail) {
          objects.push(key);
        }
      }
      const rows: Array<{ folder?: string; key?: string }> = [
        ...[...folders].map(folder => ({ folder })),
        ...objects.map(key => ({ key }))
      ];
      const limit = options.limit ?? 1000;
      const start = Number(options.cursor ?? 0);
      const page = rows.slice(start, start + limit);
      const listing: IS3Listing = {
        uri,
        folders: page
          .filter(row => row.folder !== undefined)
          .map(row => ({ name: row.folder!, uri: `${uri}${row.folder}/` })),
        objects: page
          .filter(row => row.key !== undefined)
          .map(row => ({
            key: row.key!,
            uri: `s3://${bucket}/${row.key}`,
            size: 2048,
            last_modified: '2026-11-21T10:00:00Z'
          })),
        next_cursor: start + limit < rows.length ? String(start + limit) : null
      };
      return listing;
    }
  };
}

const TEAM = {
  team: [
    'data/train/part-0.csv',
    'data/train/part-1.csv',
    'data/validation/part-0.csv',
    'notebooks/eda.ipynb',
    'README.md'
  ],
  archive: ['old.csv']
};

const dialogNode = () => document.querySelector<HTMLElement>('.jp-Dialog');
const list = () =>
  document.querySelector<HTMLElement>('.sme-S3Browser-list[role="listbox"]');
const options = () =>
  Array.from(document.querySelectorAll<HTMLElement>('[role="option"]'));
const optionNames = () =>
  options().map(
    option => option.querySelector('.sme-S3Browser-name')?.textContent ?? ''
  );
const crumbs = () =>
  Array.from(
    document.querySelectorAll<HTMLButtonElement>(
      'nav[aria-label="S3 location"] button'
    )
  ).map(button => button.textContent);
const footerButton = (label: string) =>
  Array.from(
    document.querySelectorAll<HTMLButtonElement>('.jp-Dialog-footer button')
  ).find(button => button.textContent?.trim() === label)!;
const active = () =>
  options().find(option => option.getAttribute('aria-selected') === 'true');

async function shown(names: string[]): Promise<void> {
  await waitFor(
    () => JSON.stringify(optionNames()) === JSON.stringify(names),
    3000
  );
}

describe('the Browse S3 dialog', () => {
  afterEach(() => {
    Dialog.flush();
    document.body.innerHTML = '';
  });

  it('is a dialog named "Browse S3", with a breadcrumb nav and a listbox of buckets', async () => {
    const result = browseS3({
      lister: fakeS3(TEAM),
      fieldLabel: 'Channel 1 S3 URI',
      trans
    });
    await shown(['archive', 'team']);
    const dialog = dialogNode()!;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.getAttribute('aria-label')).toBe('Browse S3');
    expect(dialog.textContent).toContain(
      'Choose an S3 location for “Channel 1 S3 URI”.'
    );
    expect(crumbs()).toEqual(['All buckets']);
    expect(list()!.getAttribute('aria-label')).toBe('Buckets');
    expect(footerButton('Select this folder').disabled).toBe(true);
    // A bucket is highlighted: "Select" would pick it.
    await waitFor(() => !footerButton('Select').disabled);
    await waitFor(() => document.activeElement === list());
    footerButton('Cancel').click();
    await expect(result).resolves.toBeNull();
  });

  it('moves with the keyboard; Enter opens a folder; "Select this folder" picks the one shown', async () => {
    const result = browseS3({ lister: fakeS3(TEAM), fieldLabel: 'x', trans });
    await shown(['archive', 'team']);
    const listbox = list()!;
    await waitFor(() => active()?.textContent?.includes('archive') === true);
    press(listbox, 'ArrowDown');
    await waitFor(() => active()?.textContent?.includes('team') === true);
    expect(listbox.getAttribute('aria-activedescendant')).toBe(active()!.id);
    press(listbox, 'Enter');
    await shown(['data/', 'notebooks/', 'README.md']);
    expect(crumbs()).toEqual(['All buckets', 'team']);
    press(listbox, 'Enter'); // data/
    await shown(['train/', 'validation/']);
    press(listbox, 'End');
    await waitFor(
      () => active()?.textContent?.includes('validation/') === true
    );
    press(listbox, 'Home');
    press(listbox, 'Enter'); // train/
    await shown(['part-0.csv', 'part-1.csv']);
    expect(crumbs()).toEqual(['All buckets', 'team', 'data', 'train']);
    expect(
      document.querySelector('nav [aria-current="location"]')?.textContent
    ).toBe('train');
    press(listbox, 'Backspace'); // up
    await shown(['train/', 'validation/']);
    expect(footerButton('Select this folder').disabled).toBe(false);
    footerButton('Select this folder').click();
    await expect(result).resolves.toBe('s3://team/data/');
  });

  it('picks an object with Enter, or with a double-click', async () => {
    const lister = fakeS3(TEAM);
    let result = browseS3({
      lister,
      fieldLabel: 'x',
      value: 's3://team/data/train/',
      trans
    });
    await shown(['part-0.csv', 'part-1.csv']);
    press(list()!, 'ArrowDown');
    await waitFor(() => active()?.textContent?.includes('part-1') === true);
    press(list()!, 'Enter');
    await expect(result).resolves.toBe('s3://team/data/train/part-1.csv');

    result = browseS3({
      lister,
      fieldLabel: 'x',
      value: 's3://team/data/train/',
      trans
    });
    await shown(['part-0.csv', 'part-1.csv']);
    options()[0].dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await expect(result).resolves.toBe('s3://team/data/train/part-0.csv');
  });

  it("opens at the field's value, with its object highlighted; Select picks it", async () => {
    const result = browseS3({
      lister: fakeS3(TEAM),
      fieldLabel: 'Notebook S3 URI',
      value: 's3://team/notebooks/eda.ipynb',
      trans
    });
    await shown(['eda.ipynb']);
    expect(crumbs()).toEqual(['All buckets', 'team', 'notebooks']);
    await waitFor(() => active()?.textContent?.includes('eda.ipynb') === true);
    expect(
      document.querySelector('.sme-S3Browser-selection')?.textContent
    ).toBe('Selected: s3://team/notebooks/eda.ipynb');
    footerButton('Select').click();
    await expect(result).resolves.toBe('s3://team/notebooks/eda.ipynb');
  });

  it('opens a folder on click, and a breadcrumb goes back', async () => {
    const result = browseS3({ lister: fakeS3(TEAM), fieldLabel: 'x', trans });
    await shown(['archive', 'team']);
    options()[1].click();
    await shown(['data/', 'notebooks/', 'README.md']);
    options()[0].click();
    await shown(['train/', 'validation/']);
    const allBuckets = Array.from(
      document.querySelectorAll<HTMLButtonElement>('nav button')
    ).find(button => button.textContent === 'All buckets')!;
    allBuckets.click();
    await shown(['archive', 'team']);
    footerButton('Cancel').click();
    await expect(result).resolves.toBeNull();
  });

  it("shows the server's message when a location cannot be listed, and retries", async () => {
    const lister = fakeS3(TEAM, {
      's3://team/data/': new ApiError({
        status: 403,
        code: 'forbidden',
        message: 'AWS said AccessDenied: Access Denied'
      })
    });
    const result = browseS3({
      lister,
      fieldLabel: 'x',
      value: 's3://team/data/',
      trans
    });
    await waitFor(() => document.querySelector('[role="alert"]') !== null);
    const alert = document.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Could not list s3://team/data/.');
    expect(alert.textContent).toContain('AWS said AccessDenied: Access Denied');
    expect(list()).toBeNull();
    // The folder may still be picked: the URI is the user's call.
    expect(footerButton('Select this folder').disabled).toBe(false);
    expect(footerButton('Select').disabled).toBe(true);
    const retry = Array.from(alert.querySelectorAll('button')).find(
      button => button.textContent === 'Retry'
    )!;
    retry.click();
    await waitFor(
      () => lister.calls.filter(c => c === 's3://team/data/#').length === 2
    );
    await waitFor(() => document.querySelector('[role="alert"]') !== null);
    const up = Array.from(
      document.querySelectorAll<HTMLButtonElement>('[role="alert"] button')
    ).find(button => button.textContent === 'Go up')!;
    up.click();
    await shown(['data/', 'notebooks/', 'README.md']);
    footerButton('Cancel').click();
    await expect(result).resolves.toBeNull();
  });

  it('loads the next page only when asked ("Load more")', async () => {
    const many = Array.from({ length: 5 }, (_, i) => `many/object-${i}.txt`);
    const lister = fakeS3({ team: many });
    const result = browseS3({
      lister,
      fieldLabel: 'x',
      value: 's3://team/many/',
      pageSize: 2,
      trans
    });
    await shown(['object-0.txt', 'object-1.txt']);
    const status = () =>
      document.querySelector('.sme-S3Browser-status')?.textContent;
    expect(status()).toBe('2 items shown; there are more in S3.');
    const loadMore = () =>
      Array.from(document.querySelectorAll('button')).find(
        button => button.textContent === 'Load more'
      );
    loadMore()!.click();
    await shown([
      'object-0.txt',
      'object-1.txt',
      'object-2.txt',
      'object-3.txt'
    ]);
    // The next rows continue from the first new one.
    await waitFor(() => active()?.textContent?.includes('object-2') === true);
    loadMore()!.click();
    await waitFor(() => options().length === 5);
    expect(loadMore()).toBeUndefined();
    expect(status()).toBe('5 items');
    expect(lister.calls).toEqual([
      's3://team/many/#',
      's3://team/many/#2',
      's3://team/many/#4'
    ]);
    footerButton('Cancel').click();
    await expect(result).resolves.toBeNull();
  });

  it('says when a folder is empty, or there are no buckets', async () => {
    const result = browseS3({ lister: fakeS3({}), fieldLabel: 'x', trans });
    await waitFor(
      () =>
        document.querySelector('.sme-S3Browser-status')?.textContent ===
        'No buckets: these AWS credentials can list none.'
    );
    footerButton('Cancel').click();
    await expect(result).resolves.toBeNull();
  });
});
