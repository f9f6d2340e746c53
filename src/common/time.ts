/**
 * "3 days ago" and "21 Nov 2026, 10:00": relative and absolute times through
 * `Intl`, in the user's language.
 */

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60]
];

/** Under this many seconds, a time is "now". */
const NOW_SECONDS = 45;

/**
 * A locale `Intl` accepts, from a JupyterLab language code (`en_US` → `en-US`);
 * `undefined` (the browser's) when there is none or it is not valid.
 */
export function toLocale(languageCode?: string | null): string | undefined {
  if (!languageCode) {
    return undefined;
  }
  const tag = languageCode.replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Parse an API timestamp; null when it is not a valid time. */
export function parseTime(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * How long ago (or from now) `value` is, e.g. "3 days ago", "yesterday",
 * "now", in the largest unit that fits.
 */
export function relativeTime(
  value: string | Date,
  now: Date = new Date(),
  locale?: string
): string {
  const date = parseTime(value);
  if (!date) {
    return '';
  }
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const size = Math.abs(seconds);
  if (size < NOW_SECONDS) {
    return format.format(0, 'second');
  }
  // Round half away from zero, the same way into the past and the future.
  const sign = Math.sign(seconds);
  for (const [unit, length] of UNITS) {
    if (size >= length) {
      return format.format(sign * Math.round(size / length), unit);
    }
  }
  return format.format(sign, 'minute');
}

/** The absolute date and time of `value`, e.g. "Nov 21, 2026, 10:00 AM". */
export function absoluteTime(value: string | Date, locale?: string): string {
  const date = parseTime(value);
  if (!date) {
    return '';
  }
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short'
  }).format(date);
}
