import * as schema from '../../schema/plugin.json';
import { DEFAULT_SETTINGS, readSettings } from '../common/settings';

describe('readSettings', () => {
  it('matches the defaults of schema/plugin.json', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      pageSize: schema.properties.pageSize.default,
      defaultTab: schema.properties.defaultTab.default,
      defaultSort: schema.properties.defaultSort.default,
      rememberTab: schema.properties.rememberTab.default
    });
  });

  it('offers the same choices as the schema', () => {
    const choices = (name: 'defaultTab' | 'defaultSort') =>
      schema.properties[name].oneOf.map(choice => choice.const);
    expect(choices('defaultTab')).toEqual([
      'mine',
      'shared-with-me',
      'organization'
    ]);
    expect(choices('defaultSort')).toEqual([
      'updated',
      'title-asc',
      'title-desc'
    ]);
    for (const tab of choices('defaultTab')) {
      expect(readSettings({ defaultTab: tab }).defaultTab).toBe(tab);
    }
    for (const sort of choices('defaultSort')) {
      expect(readSettings({ defaultSort: sort }).defaultSort).toBe(sort);
    }
  });

  it('reads valid values', () => {
    expect(
      readSettings({
        pageSize: 10,
        defaultTab: 'mine',
        defaultSort: 'title-desc'
      })
    ).toEqual({
      pageSize: 10,
      defaultTab: 'mine',
      defaultSort: 'title-desc',
      rememberTab: true
    });
    expect(readSettings({ rememberTab: false }).rememberTab).toBe(false);
    expect(readSettings({ pageSize: 200 }).pageSize).toBe(200);
  });

  it.each([
    ['missing settings', undefined],
    ['an empty object', {}],
    [
      'out-of-range and unknown values',
      { pageSize: 9, defaultTab: 'everything', defaultSort: 'random' }
    ],
    ['a page size too large', { pageSize: 201 }],
    ['a fractional page size', { pageSize: 12.5 }],
    [
      'values of the wrong type',
      { pageSize: '50', defaultTab: 3, rememberTab: 'yes' }
    ]
  ])('falls back to the defaults for %s', (_name, composite) => {
    expect(readSettings(composite)).toEqual(DEFAULT_SETTINGS);
  });
});
