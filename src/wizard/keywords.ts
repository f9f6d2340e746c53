/**
 * Keywords as the user types them, shown as the server will store them. The
 * separators are the server's (`GET /options` → `rules.keywords`), never a
 * copy: every separator but "," is a space-like character, which the input
 * turns into a comma at once; items are stripped, lowercased, de-duplicated
 * (first seen wins) and empty ones dropped. Without served rules (an older
 * server) the text stays as typed and the server normalises it on save.
 */
import type { IRules } from '../api/types';

export interface IKeywordRules {
  /** `"churn xgboost,Tabular, churn"` → `["churn", "xgboost", "tabular"]`. */
  normalize: (text: string) => string[];
  /**
   * What the input shows as the user types: every run of separators holding
   * a space becomes `", "` (a leading one is dropped), so `"churn xgboost"`
   * reads `"churn, xgboost"`. Idempotent.
   */
  spacesToCommas: (text: string) => string;
  /** The input's text once it loses focus: `"a, b, c"`. */
  format: (text: string) => string;
}

/** A served character-class source as a class: `\s,` → `[\s,]`. */
function characterClass(source: string): string {
  return source.startsWith('[') ? source : `[${source}]`;
}

/** A pattern with Unicode semantics when it allows them (else without). */
function compile(source: string, flags: string): RegExp {
  try {
    return new RegExp(source, `${flags}u`);
  } catch {
    return new RegExp(source, flags);
  }
}

/** The keyword previews of the served rules (as typed when there are none). */
export function keywordRules(rules: IRules | undefined): IKeywordRules {
  if (!rules) {
    const asTyped = (text: string): string => text;
    return {
      normalize: text => (text.trim() ? [text.trim()] : []),
      spacesToCommas: asTyped,
      format: asTyped
    };
  }
  const separator = characterClass(rules.keywords.separator_pattern);
  const split = compile(separator, '');
  const run = compile(`${separator}+`, 'g');
  const edges = compile(`^${separator}+|${separator}+$`, 'g');
  const normalize = (text: string): string[] => {
    const keywords = new Set<string>();
    for (const item of text.split(split)) {
      const keyword = item.replace(edges, '').toLowerCase();
      if (keyword) {
        keywords.add(keyword);
      }
    }
    return [...keywords];
  };
  const spacesToCommas = (text: string): string =>
    text.replace(run, (found: string, offset: number) =>
      found.replace(/,/g, '') === '' ? found : offset === 0 ? '' : ', '
    );
  return {
    normalize,
    spacesToCommas,
    format: text => normalize(text).join(', ')
  };
}
