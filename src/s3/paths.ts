/**
 * S3 locations as the browser shows them: breadcrumbs, parents, names.
 *
 * A location is `null` (the list of buckets) or a prefix URI that ends with
 * `/`: `s3://bucket/` (the bucket's root) or `s3://bucket/data/train/`.
 */

const SCHEME = 's3://';

/** One step of the breadcrumb trail (the bucket list, "All buckets", is not one). */
export interface ICrumb {
  /** The bucket's name, or the folder's (may be '' for a `//` in a key). */
  name: string;
  /** The prefix this step opens (ends with `/`). */
  uri: string;
}

/** `s3://bucket/a/b/` → bucket `bucket`, key `a/b/`; null when not an S3 URI. */
export function parseS3(uri: string): { bucket: string; key: string } | null {
  const text = uri.trim();
  if (!text.startsWith(SCHEME)) {
    return null;
  }
  const rest = text.slice(SCHEME.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (bucket === '') {
    return null;
  }
  return { bucket, key: slash < 0 ? '' : rest.slice(slash + 1) };
}

/**
 * The breadcrumb trail of a location: the bucket, then each folder.
 * `s3://b/data/train/` → `b` (`s3://b/`), `data` (`s3://b/data/`),
 * `train` (`s3://b/data/train/`). Empty for the bucket list.
 */
export function breadcrumbs(location: string | null): ICrumb[] {
  const parsed = location === null ? null : parseS3(location);
  if (!parsed) {
    return [];
  }
  let uri = `${SCHEME}${parsed.bucket}/`;
  const crumbs: ICrumb[] = [{ name: parsed.bucket, uri }];
  const key = parsed.key.endsWith('/') ? parsed.key.slice(0, -1) : parsed.key;
  if (key === '' && !parsed.key.startsWith('/')) {
    return crumbs;
  }
  for (const part of key.split('/')) {
    uri += `${part}/`;
    crumbs.push({ name: part, uri });
  }
  return crumbs;
}

/**
 * The location one level up: the parent prefix, the bucket's root, or the
 * bucket list (`null`) from a bucket's root.
 */
export function parentLocation(location: string | null): string | null {
  const crumbs = breadcrumbs(location);
  return crumbs.length >= 2 ? crumbs[crumbs.length - 2].uri : null;
}

/**
 * Where the browser opens for a field's value, and which item to highlight:
 * a prefix opens itself; an object (or a prefix typed without its `/`)
 * opens its folder with the item highlighted; anything else, the buckets.
 */
export function initialLocation(value: string): {
  location: string | null;
  highlight: string | null;
} {
  const parsed = parseS3(value);
  if (!parsed || /\s/.test(parsed.bucket)) {
    return { location: null, highlight: null };
  }
  const { bucket, key } = parsed;
  if (key === '' || key.endsWith('/')) {
    return { location: `${SCHEME}${bucket}/${key}`, highlight: null };
  }
  const slash = key.lastIndexOf('/');
  return {
    location: `${SCHEME}${bucket}/${key.slice(0, slash + 1)}`,
    highlight: value.trim()
  };
}

/** The name of an object under the listed prefix: `s3://b/a/x.csv` under `a/` → `x.csv`. */
export function relativeName(key: string, location: string): string {
  const parsed = parseS3(location);
  const prefix = parsed?.key ?? '';
  return key.startsWith(prefix) && key.length > prefix.length
    ? key.slice(prefix.length)
    : key;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** `1536` → `1.5 KB` (powers of 1024, as the S3 console shows them). */
export function formatSize(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = value.toLocaleString(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0
  });
  return `${number} ${UNITS[unit]}`;
}
