/**
 * Entry IDs, derived from the title with exactly the server's rules
 * (`shared_models_ext/ids.py`), so the wizard can show the ID at once while
 * the server's de-duplicated suggestion is on its way.
 */

/** The longest ID (a SageMaker name). */
export const MAX_ID_LENGTH = 63;

/** A well-formed entry ID: lowercase SageMaker name. */
export const ID_PATTERN = /^[a-z0-9](-*[a-z0-9]){0,62}$/;

/** True when `value` is a well-formed entry ID. */
export function isValidId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

/**
 * The ID a title suggests: ASCII-folded, lowercase, hyphen-separated, ≤ 63
 * characters. `"Churn XGBoost (v2)"` → `"churn-xgboost-v2"`; a title with no
 * letter or digit left after folding gives `fallback`.
 */
export function deriveId(title: string, fallback = 'entry'): string {
  // NFKD, then drop what is not ASCII (Python's encode('ascii', 'ignore')).
  const folded = title.normalize('NFKD').replace(/\P{ASCII}/gu, '');
  let slug = folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  slug = slug.slice(0, MAX_ID_LENGTH).replace(/-+$/, '');
  return slug || fallback;
}

/**
 * `base` made unique with `-number`, trimmed so the whole stays ≤ 63
 * characters; `number` ≤ 1 gives `base` itself.
 */
export function withSuffix(base: string, number: number): string {
  if (number <= 1) {
    return base;
  }
  const suffix = `-${number}`;
  const stem = base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '');
  return `${stem}${suffix}`;
}
