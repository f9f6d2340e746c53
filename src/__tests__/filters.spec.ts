import { nullTranslator } from '@jupyterlab/translation';

import { filterChips, kindLabel } from '../catalog/filters';
import { Vocabulary } from '../common/labels';
import type { IOptions } from '../api/types';
import { OPTIONS as WIZARD_OPTIONS } from './wizard-fixtures';

const trans = nullTranslator.load('shared_models_ext');

const OPTIONS: IOptions = {
  ...WIZARD_OPTIONS,
  kinds: [],
  data_types: [
    { id: 'tabular', label: 'Tabular' },
    { id: 'image', label: 'Image' }
  ],
  tasks: {
    tabular: [{ id: 'tabular-regression', label: 'Tabular regression' }],
    image: [{ id: 'object-detection', label: 'Object detection' }]
  },
  frameworks: [{ id: 'xgboost', label: 'XGBoost' }],
  hyperparameter_types: [],
  scalings: [],
  column_types: [],
  image_sources: [{ id: 'dlc', label: 'Deep Learning Container' }],
  instance_types: { training: [], inference: [] }
};

describe('filterChips', () => {
  it('labels each active filter, in display order', () => {
    const chips = filterChips(
      {
        canvas: true,
        framework: 'xgboost',
        task: 'tabular-regression',
        data_type: 'tabular',
        kind: 'notebook'
      },
      new Vocabulary(OPTIONS),
      trans
    );
    expect(chips).toEqual([
      { key: 'kind', label: 'Kind: Notebooks' },
      { key: 'data_type', label: 'Data type: Tabular' },
      { key: 'task', label: 'ML task: Tabular regression' },
      { key: 'framework', label: 'Framework: XGBoost' },
      { key: 'canvas', label: 'Shared with Canvas' }
    ]);
  });

  it('shows ids until the vocabularies are loaded', () => {
    expect(
      filterChips({ framework: 'xgboost' }, new Vocabulary(null), trans)
    ).toEqual([{ key: 'framework', label: 'Framework: xgboost' }]);
  });

  it('has no chip when nothing is filtered', () => {
    expect(
      filterChips({ canvas: false }, new Vocabulary(OPTIONS), trans)
    ).toEqual([]);
  });
});

describe('Vocabulary', () => {
  it('labels ids and lists tasks by data type', () => {
    const vocabulary = new Vocabulary(OPTIONS);
    expect(vocabulary.dataType('image')).toBe('Image');
    expect(vocabulary.task('object-detection')).toBe('Object detection');
    expect(vocabulary.framework('unknown')).toBe('unknown');
    expect(vocabulary.choice('image_sources', 'dlc')).toBe(
      'Deep Learning Container'
    );
    expect(vocabulary.tasksOf('image')?.map(task => task.id)).toEqual([
      'object-detection'
    ]);
    expect(vocabulary.taskGroups.map(group => group.dataType.id)).toEqual([
      'tabular',
      'image'
    ]);
    expect(kindLabel('notebook', trans)).toBe('Notebook');
  });
});
