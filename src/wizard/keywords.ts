/**
 * Keywords as the server reads them (`shared_models_ext/schemas/keywords.py`):
 * every whitespace character is a comma; items are stripped, lowercased,
 * de-duplicated (first seen wins) and empty ones dropped.
 */

/** At most this many keywords… */
export const MAX_KEYWORDS = 50;
/** …each at most this long. */
export const MAX_KEYWORD_LENGTH = 255;

// Python's `\s` for str patterns (str.isspace()), not JavaScript's (which
// adds U+FEFF and lacks U+001C–U+001F and U+0085).
const WS =
  '\\t\\n\\v\\f\\r\\u001c-\\u001f \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WHITESPACE = new RegExp(`[${WS}]`, 'g');
const EDGES = new RegExp(`^[${WS}]+|[${WS}]+$`, 'g');
const SEPARATOR_RUN = new RegExp(`[${WS},]*[${WS}][${WS},]*`, 'g');

/**
 * `"churn xgboost,Tabular, churn"` → `["churn", "xgboost", "tabular"]`.
 * A list is read item by item the same way.
 */
export function normalizeKeywords(value: string | readonly string[]): string[] {
  const texts = typeof value === 'string' ? [value] : value;
  const keywords = new Set<string>();
  for (const text of texts) {
    for (const item of text.replace(WHITESPACE, ',').split(',')) {
      const keyword = item.replace(EDGES, '').toLowerCase();
      if (keyword) {
        keywords.add(keyword);
      }
    }
  }
  return [...keywords];
}

/**
 * What the keywords input shows as the user types: every run of separators
 * holding a space becomes `", "` (a leading one is dropped), so
 * `"churn xgboost"` reads `"churn, xgboost"`. Idempotent.
 */
export function spacesToCommas(text: string): string {
  return text.replace(SEPARATOR_RUN, (run: string, offset: number) =>
    offset === 0 ? '' : ', '
  );
}

/** The keywords input's text after it loses focus: `"a, b, c"`. */
export function formatKeywords(value: string | readonly string[]): string {
  return normalizeKeywords(value).join(', ');
}
