import { Dialog } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';

import { SharedModelsClient } from '../api/catalog';
import {
  canShareWithCanvas,
  parseUserList,
  toFormValue,
  toShare
} from '../sharing/ShareForm';
import { shareEntry, toEntryInput } from '../sharing/dialog';
import {
  apiPath,
  ICanned,
  json,
  makeEntry,
  routedSettings,
  waitFor
} from './helpers';
import { RULES } from './wizard-fixtures';

const trans = nullTranslator.load('shared_models_ext');

describe('the Share… form', () => {
  it('reads user names separated by commas or white space, each once', () => {
    expect(parseUserList(' bob, carol\n dave;bob ,, ')).toEqual([
      'bob',
      'carol',
      'dave'
    ]);
    expect(parseUserList('')).toEqual([]);
  });

  it('offers Canvas where the served rule says (tabular models, today)', () => {
    const rules = RULES.share;
    expect(
      canShareWithCanvas({ kind: 'model', data_type: 'tabular' }, rules)
    ).toBe(true);
    expect(
      canShareWithCanvas({ kind: 'model', data_type: 'image' }, rules)
    ).toBe(false);
    expect(
      canShareWithCanvas({ kind: 'notebook', data_type: 'tabular' }, rules)
    ).toBe(false);
    // Another rule, another answer: no copy of it is kept here.
    const images = {
      ...rules,
      canvas: { kinds: ['model', 'notebook'], data_types: ['image'] }
    } as typeof rules;
    expect(
      canShareWithCanvas({ kind: 'notebook', data_type: 'image' }, images)
    ).toBe(true);
    expect(
      canShareWithCanvas({ kind: 'model', data_type: 'tabular' }, images)
    ).toBe(false);
    // No rules (they could not be loaded): the server decides, as typed.
    expect(
      canShareWithCanvas({ kind: 'model', data_type: 'image' }, null)
    ).toBe(true);
  });

  it('turns the form into a share, leaving out the owner', () => {
    const tabular = {
      kind: 'model',
      data_type: 'tabular',
      owner: 'alice'
    } as const;
    expect(
      toShare(
        { organization: true, users: 'alice bob', canvasUsers: 'c1, c2' },
        tabular,
        RULES.share
      )
    ).toEqual({
      organization: true,
      users: ['bob'],
      canvas_users: ['c1', 'c2']
    });
    // Canvas users of an entry that cannot have them are dropped.
    expect(
      toShare(
        { organization: false, users: '', canvasUsers: 'c1' },
        { ...tabular, data_type: 'text' },
        RULES.share
      ).canvas_users
    ).toEqual([]);
  });

  it('round-trips a share through the form', () => {
    const share = {
      organization: false,
      users: ['bob', 'carol'],
      canvas_users: []
    };
    expect(toFormValue(share)).toEqual({
      organization: false,
      users: 'bob, carol',
      canvasUsers: ''
    });
  });

  it('saves the whole entry, with only its editable fields', () => {
    const entry = makeEntry({ id: 'churn', keywords: ['a'] });
    const body = toEntryInput(entry);
    expect(body).toEqual({
      id: 'churn',
      kind: 'model',
      title: 'churn',
      description: '',
      data_type: 'text',
      task: 'text-classification',
      framework: 'pytorch',
      keywords: ['a'],
      share: entry.share,
      training: null,
      inference: null,
      notebook: null
    });
    expect(body).not.toHaveProperty('owner');
    expect(body).not.toHaveProperty('version');
  });
});

describe('the Share… dialog', () => {
  afterEach(() => {
    Dialog.flush();
    document.body.innerHTML = '';
  });

  const byLabel = (label: string): HTMLTextAreaElement => {
    const node = Array.from(document.querySelectorAll('label')).find(
      item => item.textContent === label
    );
    return document.getElementById(
      node?.getAttribute('for') ?? ''
    ) as HTMLTextAreaElement;
  };
  const describedBy = (control: HTMLElement): string =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map(id => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  const type = (input: HTMLTextAreaElement, value: string): void => {
    Object.getOwnPropertyDescriptor(
      HTMLTextAreaElement.prototype,
      'value'
    )!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const save = () =>
    Array.from(
      document.querySelectorAll<HTMLButtonElement>('.jp-Dialog-footer button')
    )
      .find(button => button.textContent?.trim() === 'Save')!
      .click();

  it('shows the served limits, and the server’s 400 on the field, as typed and on save', async () => {
    const entry = makeEntry({
      id: 'churn',
      data_type: 'tabular',
      task: 'tabular-classification',
      owner: 'alice',
      version: 3
    });
    const saves: Request[] = [];
    const { settings } = routedSettings(
      async (url, request): Promise<ICanned> => {
        expect(`${request.method} ${apiPath(url)}`).toBe('PUT entries/churn');
        const body = await request.clone().json();
        // The server's rule (its limit is served in GET /options → rules).
        if (body.share.canvas_users.length > 2) {
          return {
            status: 400,
            body: json({
              error: {
                code: 'invalid',
                message: 'share.canvas_users is invalid',
                details: [
                  {
                    loc: ['share', 'canvas_users'],
                    msg: 'at most 2 Canvas users are allowed (3 given)'
                  }
                ]
              }
            })
          };
        }
        if (url.searchParams.get('dry_run') === 'true') {
          return { status: 200, body: json({ ok: true }) };
        }
        saves.push(request.clone());
        return {
          status: 200,
          body: json({ ...entry, share: body.share, version: 4 })
        };
      }
    );
    const saved = shareEntry({
      client: new SharedModelsClient({ serverSettings: settings }),
      entry,
      rules: { ...RULES.share, max_canvas_users: 2 },
      trans,
      checkDelay: 5
    });
    await waitFor(() => byLabel('Share with SageMaker Canvas users') !== null);
    const canvas = byLabel('Share with SageMaker Canvas users');
    expect(describedBy(canvas)).toContain('at most 2');
    expect(describedBy(byLabel('Share with people'))).toContain('at most 100');

    type(canvas, 'c1 c2 c3');
    await waitFor(() => canvas.getAttribute('aria-invalid') === 'true');
    expect(describedBy(canvas)).toContain(
      'at most 2 Canvas users are allowed (3 given)'
    );
    save();
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(saves).toEqual([]); // nothing saved while a field is wrong
    expect(document.querySelector('.jp-Dialog')).not.toBeNull();

    type(canvas, 'c1, c2');
    await waitFor(() => canvas.getAttribute('aria-invalid') === null);
    save();
    const result = await saved;
    expect(result?.share.canvas_users).toEqual(['c1', 'c2']);
    expect(saves).toHaveLength(1);
    expect(saves[0].headers.get('If-Match')).toBe('"3"');
    expect((await saves[0].json()).share).toEqual({
      organization: entry.share.organization,
      users: [],
      canvas_users: ['c1', 'c2']
    });
  });

  it('enables the Canvas field by the served rule, not a copy of it', async () => {
    const entry = makeEntry({ id: 'notes', data_type: 'text', owner: 'alice' });
    const { settings } = routedSettings(() => ({
      status: 200,
      body: json({ ok: true })
    }));
    const client = new SharedModelsClient({ serverSettings: settings });
    const open = (rules: typeof RULES.share) => {
      void shareEntry({ client, entry, rules, trans, checkDelay: 5 });
      return waitFor(
        () => byLabel('Share with SageMaker Canvas users') !== null
      );
    };

    await open(RULES.share);
    const refused = byLabel('Share with SageMaker Canvas users');
    expect(refused.disabled).toBe(true);
    expect(describedBy(refused)).toContain(
      'Only models of data type tabular can be shared with Canvas users.'
    );
    Dialog.flush();
    document.body.innerHTML = '';

    await open({
      ...RULES.share,
      canvas: { kinds: ['model'], data_types: ['text'] }
    });
    expect(byLabel('Share with SageMaker Canvas users').disabled).toBe(false);
  });

  it('offers to reload a stale entry and shows the dialog again, the choices kept', async () => {
    const entry = makeEntry({
      id: 'churn',
      title: 'Churn',
      data_type: 'tabular',
      task: 'tabular-classification',
      owner: 'alice',
      version: 1
    });
    const latest = { ...entry, title: 'Churn v2', version: 2 };
    const puts: Array<{ version: string | null; share: unknown }> = [];
    const { settings } = routedSettings(
      async (url, request): Promise<ICanned> => {
        if (request.method === 'GET') {
          expect(apiPath(url)).toBe('entries/churn');
          return { status: 200, body: json(latest) };
        }
        if (url.searchParams.get('dry_run') === 'true') {
          return { status: 200, body: json({ ok: true }) };
        }
        const version = request.headers.get('If-Match');
        const body = await request.clone().json();
        puts.push({ version, share: body.share });
        return version === '"1"'
          ? {
              status: 412,
              body: json({
                error: { code: 'precondition_failed', message: 'stale' }
              })
            }
          : {
              status: 200,
              body: json({ ...latest, share: body.share, version: 3 })
            };
      }
    );
    const saved = shareEntry({
      client: new SharedModelsClient({ serverSettings: settings }),
      entry,
      trans,
      checkDelay: 5
    });
    const dialogTitled = (text: string) =>
      Array.from(document.querySelectorAll('.jp-Dialog')).find(node =>
        node.textContent?.includes(text)
      );
    // The dialog, then its body (rendered on the next frame).
    await waitFor(() => dialogTitled('Share “Churn”') !== undefined);
    await waitFor(() => byLabel('Share with people') !== null);
    type(byLabel('Share with people'), 'bob');
    save();
    await waitFor(
      () => dialogTitled('“Churn” was changed by someone else') !== undefined
    );
    Array.from(
      document.querySelectorAll<HTMLButtonElement>('.jp-Dialog-footer button')
    )
      .find(button => button.textContent?.trim() === 'Reload')!
      .click();
    await waitFor(() => dialogTitled('Share “Churn v2”') !== undefined);
    await waitFor(() => byLabel('Share with people') !== null);
    expect(byLabel('Share with people').value).toBe('bob');
    save();
    expect((await saved)?.version).toBe(3);
    expect(puts.map(put => put.version)).toEqual(['"1"', '"2"']);
    expect(puts[1].share).toEqual({
      organization: entry.share.organization,
      users: ['bob'],
      canvas_users: []
    });
  });
});
