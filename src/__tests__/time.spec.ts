import {
  absoluteTime,
  parseTime,
  relativeTime,
  toLocale
} from '../common/time';

const NOW = new Date('2026-11-21T12:00:00Z');

function ago(seconds: number): string {
  return new Date(NOW.getTime() - seconds * 1000).toISOString();
}

describe('relativeTime', () => {
  it.each([
    [10, 'now'],
    [50, '1 minute ago'],
    [5 * 60, '5 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [24 * 3600, 'yesterday'],
    [3 * 24 * 3600, '3 days ago'],
    [7 * 24 * 3600, 'last week'],
    [20 * 24 * 3600, '3 weeks ago'],
    [45 * 24 * 3600, '2 months ago'],
    [400 * 24 * 3600, 'last year'],
    [3 * 365 * 24 * 3600, '3 years ago']
  ])('%i seconds ago reads "%s"', (seconds, text) => {
    expect(relativeTime(ago(seconds), NOW, 'en')).toBe(text);
  });

  it('handles times in the future (clock skew)', () => {
    expect(relativeTime(ago(-2 * 3600), NOW, 'en')).toBe('in 2 hours');
  });

  it('speaks the given language', () => {
    expect(relativeTime(ago(3 * 24 * 3600), NOW, 'fr')).toBe('il y a 3 jours');
  });

  it('is empty for a value that is not a time', () => {
    expect(relativeTime('not a date', NOW, 'en')).toBe('');
    expect(absoluteTime('', 'en')).toBe('');
    expect(parseTime('2026-13-45')).toBeNull();
  });
});

describe('absoluteTime', () => {
  it('gives the date and the time', () => {
    const text = absoluteTime('2026-11-21T10:00:00Z', 'en');
    expect(text).toMatch(/Nov 21, 2026/);
    expect(text).toMatch(/\d{1,2}:\d{2}/);
  });
});

describe('toLocale', () => {
  it('turns JupyterLab language codes into BCP 47 tags', () => {
    expect(toLocale('en_US')).toBe('en-US');
    expect(toLocale('fr')).toBe('fr');
    expect(toLocale('')).toBeUndefined();
    expect(toLocale(undefined)).toBeUndefined();
    expect(toLocale('not a locale!')).toBeUndefined();
  });
});
