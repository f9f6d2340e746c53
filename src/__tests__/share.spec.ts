import { nullTranslator } from '@jupyterlab/translation';

import {
  canShareWithCanvas,
  MAX_CANVAS_USERS,
  parseUserList,
  toFormValue,
  toShare
} from '../sharing/ShareForm';
import { toEntryInput } from '../sharing/dialog';
import { makeEntry } from './helpers';

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

  it('offers Canvas for tabular models only', () => {
    expect(canShareWithCanvas({ kind: 'model', data_type: 'tabular' })).toBe(
      true
    );
    expect(canShareWithCanvas({ kind: 'model', data_type: 'image' })).toBe(
      false
    );
    expect(canShareWithCanvas({ kind: 'notebook', data_type: 'tabular' })).toBe(
      false
    );
  });

  it('turns the form into a share, leaving out the owner', () => {
    const tabular = {
      kind: 'model',
      data_type: 'tabular',
      owner: 'alice'
    } as const;
    const { share, problems } = toShare(
      { organization: true, users: 'alice bob', canvasUsers: 'c1, c2' },
      tabular,
      trans
    );
    expect(problems).toEqual([]);
    expect(share).toEqual({
      organization: true,
      users: ['bob'],
      canvas_users: ['c1', 'c2']
    });
    // Canvas users of an entry that cannot have them are dropped.
    expect(
      toShare(
        { organization: false, users: '', canvasUsers: 'c1' },
        { ...tabular, data_type: 'text' },
        trans
      ).share.canvas_users
    ).toEqual([]);
  });

  it('refuses more Canvas users than allowed', () => {
    const names = Array.from(
      { length: MAX_CANVAS_USERS + 1 },
      (_, i) => `u${i}`
    );
    const { problems } = toShare(
      { organization: false, users: '', canvasUsers: names.join(' ') },
      { kind: 'model', data_type: 'tabular', owner: 'alice' },
      trans
    );
    expect(problems).toEqual([
      'Share with at most 23 Canvas users (24 given).'
    ]);
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
