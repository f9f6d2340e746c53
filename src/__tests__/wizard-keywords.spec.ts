import {
  formatKeywords,
  normalizeKeywords,
  spacesToCommas
} from '../wizard/keywords';

describe('normalizeKeywords', () => {
  // Expected values computed with the server's normalize_keywords.
  it.each<[string | string[], string[]]>([
    ['churn xgboost,tabular', ['churn', 'xgboost', 'tabular']],
    [' A,a ,, B\u00a0c\u3000d\u2003e', ['a', 'b', 'c', 'd', 'e']],
    ['x\u0085y\u001cz', ['x', 'y', 'z']],
    ['\ufeffq', ['\ufeffq']],
    ['Tab\tNew\nLine', ['tab', 'new', 'line']],
    [
      ['Deep learning', 'deep,LEARNING'],
      ['deep', 'learning']
    ],
    ['', []],
    [' , ,', []]
  ])('%j → %j', (value, expected) => {
    expect(normalizeKeywords(value)).toEqual(expected);
  });
});

describe('spacesToCommas', () => {
  it.each([
    ['churn xgboost,tabular', 'churn, xgboost,tabular'],
    ['churn ', 'churn, '],
    ['churn, ', 'churn, '],
    ['churn,  ', 'churn, '],
    ['churn , xgboost', 'churn, xgboost'],
    [' churn', 'churn'],
    ['churn,xgboost', 'churn,xgboost'],
    ['a\tb', 'a, b'],
    ['', '']
  ])('%j → %j', (typed, shown) => {
    expect(spacesToCommas(typed)).toBe(shown);
  });

  it('is idempotent', () => {
    for (const text of ['a b  c', 'a ,b', ' a , b ']) {
      const once = spacesToCommas(text);
      expect(spacesToCommas(once)).toBe(once);
    }
  });
});

describe('formatKeywords', () => {
  it('shows the normalised list, comma-separated', () => {
    expect(formatKeywords('Churn  xgboost,, churn, ')).toBe('churn, xgboost');
  });
});
