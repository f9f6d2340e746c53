import { deriveId, isValidId, withSuffix } from '../wizard/ids';

// Expected values computed with the server's own shared_models_ext/ids.py.
const DERIVED: Array<[string, string]> = [
  ['Churn XGBoost (v2)', 'churn-xgboost-v2'],
  ['  Hello,   World!  ', 'hello-world'],
  ['Café crème brûlée', 'cafe-creme-brulee'],
  ['Straße Ärger Øre', 'strae-arger-re'],
  ['ＦＵＬＬＷＩＤＴＨ ４２', 'fullwidth-42'],
  ['ﬁne ﬂow', 'fine-flow'],
  ['🚀🚀', 'model'],
  ['', 'model'],
  ['---', 'model'],
  ['a\u0001b', 'a-b'],
  ['日本語のモデル', 'model'],
  ['x'.repeat(70), 'x'.repeat(63)],
  [`a${'-'.repeat(80)}b`, 'a-b'],
  ['ab '.repeat(30), Array(21).fill('ab').join('-')],
  ['İstanbul ΟΔΟΣ', 'istanbul'],
  ['½ price ™', '12-price-tm'],
  ['Résumé—v1.2_final', 'resumev1-2-final']
];

describe('deriveId', () => {
  it.each(DERIVED)('derives %j like the server: %j', (title, expected) => {
    expect(deriveId(title, 'model')).toBe(expected);
  });

  it('falls back to "entry" by default', () => {
    expect(deriveId('???')).toBe('entry');
  });

  it('always gives a valid ID', () => {
    for (const [title] of DERIVED) {
      expect(isValidId(deriveId(title, 'model'))).toBe(true);
    }
  });
});

describe('withSuffix', () => {
  it.each([
    ['churn', 1, 'churn'],
    ['churn', 2, 'churn-2'],
    ['x'.repeat(63), 2, `${'x'.repeat(61)}-2`],
    [`${'a'.repeat(60)}-b`, 12, `${'a'.repeat(60)}-12`],
    [`abc-${'d'.repeat(58)}`, 10, `abc-${'d'.repeat(56)}-10`]
  ])('%j + %d → %j', (base, n, expected) => {
    expect(withSuffix(base, n)).toBe(expected);
    expect(expected.length).toBeLessThanOrEqual(63);
  });
});

describe('isValidId', () => {
  it.each([
    ['churn-xgboost', true],
    ['a', true],
    ['a--b', true],
    ['9lives', true],
    ['x'.repeat(63), true],
    ['x'.repeat(64), false],
    ['-a', false],
    ['a-', false],
    ['Churn', false],
    ['a_b', false],
    ['', false]
  ])('%j → %s', (id, valid) => {
    expect(isValidId(id)).toBe(valid);
  });
});
