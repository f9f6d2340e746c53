import {
  activeFilterKeys,
  buildQuery,
  ICatalogQuery,
  sameFilters,
  searchParam,
  sortParams,
  withFilter
} from '../catalog/query';
import { RULES } from './wizard-fixtures';

const BASE: ICatalogQuery = {
  tab: 'organization',
  search: '',
  sort: 'updated',
  filters: {}
};

describe('buildQuery', () => {
  it('asks for the first page of the tab, newest first', () => {
    expect(buildQuery(BASE, 50)).toEqual({
      scope: 'organization',
      sort: 'updated',
      order: 'desc',
      limit: 50
    });
  });

  it.each([
    ['mine', 'mine'],
    ['shared-with-me', 'shared-with-me'],
    ['organization', 'organization']
  ] as const)('maps the %s tab to scope=%s', (tab, scope) => {
    expect(buildQuery({ ...BASE, tab }, 10).scope).toBe(scope);
  });

  it.each([
    ['updated', { sort: 'updated', order: 'desc' }],
    ['title-asc', { sort: 'title', order: 'asc' }],
    ['title-desc', { sort: 'title', order: 'desc' }],
    ['relevance', { sort: 'relevance', order: 'desc' }]
  ] as const)('sends sort %s as %j', (sort, params) => {
    expect(sortParams(sort)).toEqual(params);
    expect(buildQuery({ ...BASE, sort }, 10)).toMatchObject(params);
  });

  it('sends the trimmed search text, and none when blank', () => {
    expect(buildQuery({ ...BASE, search: '  churn model ' }, 10).q).toBe(
      'churn model'
    );
    expect(buildQuery({ ...BASE, search: '   ' }, 10)).not.toHaveProperty('q');
  });

  it('cuts the search text to what the server serves as its limit', () => {
    const long = ` ${'x'.repeat(300)} `;
    expect(searchParam(long, 12)).toBe('x'.repeat(12));
    // Until the rules are loaded the text goes whole (the server says so).
    expect(searchParam(long)).toBe('x'.repeat(300));
    const rules = { ...RULES, search: { max_length: 7 } };
    expect(buildQuery({ ...BASE, search: long }, 10, null, rules).q).toBe(
      'x'.repeat(7)
    );
    // Any characters are fine: the server never reads them as syntax.
    expect(searchParam('"NEAR(a b)" * -x')).toBe('"NEAR(a b)" * -x');
  });

  it('asks for no more entries per page than the server serves', () => {
    const rules = {
      ...RULES,
      page: { max_limit: 30, default_limit: 20, max_exact_total: 1000 }
    };
    expect(buildQuery(BASE, 50, null, rules).limit).toBe(30);
    expect(buildQuery(BASE, 25, null, rules).limit).toBe(25);
    expect(buildQuery(BASE, 500).limit).toBe(500);
  });

  it('sends every filter that is set, and canvas only when true', () => {
    const query = buildQuery(
      {
        ...BASE,
        filters: {
          kind: 'notebook',
          data_type: 'tabular',
          task: 'tabular-regression',
          framework: 'xgboost',
          canvas: true
        }
      },
      25
    );
    expect(query).toEqual({
      scope: 'organization',
      sort: 'updated',
      order: 'desc',
      limit: 25,
      kind: 'notebook',
      data_type: 'tabular',
      task: 'tabular-regression',
      framework: 'xgboost',
      canvas: true
    });
    expect(
      buildQuery({ ...BASE, filters: { canvas: false } }, 25)
    ).not.toHaveProperty('canvas');
  });

  it('adds the cursor of the previous page, and only then', () => {
    expect(buildQuery(BASE, 50, 'abc').cursor).toBe('abc');
    expect(buildQuery(BASE, 50, null)).not.toHaveProperty('cursor');
  });
});

describe('filters', () => {
  const tasksOf = (dataType: string) =>
    ({
      tabular: ['tabular-classification', 'tabular-regression'],
      image: ['image-classification']
    })[dataType];

  it('sets and clears one facet', () => {
    const kind = withFilter({}, 'kind', 'model');
    expect(kind).toEqual({ kind: 'model' });
    expect(withFilter(kind, 'kind', undefined)).toEqual({});
    expect(withFilter(kind, 'kind', '')).toEqual({});
    expect(withFilter({ canvas: true }, 'canvas', false)).toEqual({});
  });

  it('drops a task that does not belong to the new data type', () => {
    const filters = {
      data_type: 'tabular',
      task: 'tabular-regression'
    } as const;
    expect(withFilter(filters, 'data_type', 'image', tasksOf)).toEqual({
      data_type: 'image'
    });
    expect(withFilter(filters, 'data_type', 'tabular', tasksOf)).toEqual(
      filters
    );
    // Without the vocabulary, the task is kept (the server has the last word).
    expect(withFilter(filters, 'data_type', 'image')).toEqual({
      data_type: 'image',
      task: 'tabular-regression'
    });
  });

  it('lists the active facets in display order', () => {
    expect(
      activeFilterKeys({
        canvas: true,
        framework: 'jax',
        kind: 'model',
        task: undefined
      })
    ).toEqual(['kind', 'framework', 'canvas']);
    expect(activeFilterKeys({ canvas: false })).toEqual([]);
  });

  it('compares filter sets by what they select', () => {
    expect(sameFilters({}, { canvas: false })).toBe(true);
    expect(sameFilters({ kind: 'model' }, { kind: 'model' })).toBe(true);
    expect(sameFilters({ kind: 'model' }, { kind: 'notebook' })).toBe(false);
  });
});
