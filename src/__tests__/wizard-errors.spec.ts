import { errorFor, fieldErrors, pathOf, placeErrors } from '../wizard/errors';
import { visibleFields } from '../wizard/fields';
import { emptyForm, IEntryForm } from '../wizard/form';

function trainingForm(): IEntryForm {
  const form = emptyForm('model');
  form.data_type = 'tabular';
  form.training = {
    ...form.training,
    enabled: true,
    environment: [
      { name: 'OK', value: 'x' },
      { name: 'bad name', value: 'y' }
    ],
    hyperparameters: [
      {
        name: 'lr',
        type: 'continuous',
        min: '0.1',
        max: '2',
        scaling: 'reverse-logarithmic',
        values: '',
        default: '0.5'
      },
      {
        name: 'opt',
        type: 'categorical',
        min: '',
        max: '',
        scaling: 'auto',
        values: 'a, a',
        default: 'a'
      }
    ],
    tabular: { columns: [{ name: 'a', type: 'numeric' }], target_column: 'a' }
  };
  return form;
}

describe('pathOf', () => {
  it('joins a loc with dots', () => {
    expect(pathOf(['training', 'channels', 0, 'uri'])).toBe(
      'training.channels.0.uri'
    );
    expect(pathOf([])).toBe('');
  });
});

describe('fieldErrors', () => {
  it('maps each detail to its path, joining problems of one field', () => {
    const errors = fieldErrors([
      { loc: ['title'], msg: 'too long' },
      { loc: ['training', 'channels', 0, 'uri'], msg: 'bad bucket' },
      { loc: ['title'], msg: 'control characters' },
      { loc: ['title'], msg: 'too long' }
    ]);
    expect([...errors]).toEqual([
      ['title', 'too long; control characters'],
      ['training.channels.0.uri', 'bad bucket']
    ]);
    expect(errorFor(errors, 'training.channels.0.uri')).toBe('bad bucket');
    expect(errorFor(errors, 'description')).toBeUndefined();
  });

  it('resolves environment variables (named by key) to their rows', () => {
    const form = trainingForm();
    const errors = fieldErrors(
      [
        {
          loc: ['training', 'environment', 'bad name', '[key]'],
          msg: 'bad name'
        },
        { loc: ['training', 'environment', 'OK'], msg: 'too long' },
        { loc: ['training', 'environment', 'GONE'], msg: 'unknown' },
        { loc: ['training', 'environment'], msg: 'too many' }
      ],
      form
    );
    expect([...errors]).toEqual([
      ['training.environment.1.name', 'bad name'],
      ['training.environment.0.value', 'too long'],
      ['training.environment', 'unknown; too many']
    ]);
  });
});

describe('placeErrors', () => {
  it('puts errors on visible fields, moving up to the nearest one', () => {
    const form = trainingForm();
    const { fields, unplaced } = placeErrors(
      fieldErrors([
        { loc: ['training', 'hyperparameters', 0, 'max'], msg: 'max < 1' },
        {
          loc: ['training', 'hyperparameters', 1, 'values', 1],
          msg: 'repeated'
        },
        { loc: ['share', 'users', 0], msg: 'no spaces' },
        { loc: ['training', 'instance_types', 1], msg: 'bad type' },
        { loc: ['training', 'tabular'], msg: 'needs columns' },
        { loc: ['training', 'image'], msg: 'bad image' },
        { loc: ['training'], msg: 'cannot train' }
      ]),
      visibleFields(form)
    );
    expect(Object.fromEntries(fields)).toEqual({
      'training.hyperparameters.0.max': 'max < 1',
      'training.hyperparameters.1.values': 'repeated',
      'share.users': 'no spaces',
      'training.instance_types': 'bad type',
      'training.tabular.columns': 'needs columns',
      'training.image.uri': 'bad image',
      'training.enabled': 'cannot train'
    });
    expect(unplaced).toEqual([]);
  });

  it('lists errors naming no visible field for the summary', () => {
    const form = emptyForm('model'); // training off
    const { fields, unplaced } = placeErrors(
      fieldErrors([
        { loc: ['training', 'channels', 0, 'uri'], msg: 'bad bucket' },
        { loc: ['unexpected'], msg: 'Extra inputs are not permitted' },
        { loc: [], msg: 'broken' },
        { loc: ['title'], msg: 'empty' }
      ]),
      visibleFields(form)
    );
    // With training off its switch stands for the whole section.
    expect(Object.fromEntries(fields)).toEqual({
      'training.enabled': 'bad bucket',
      title: 'empty'
    });
    expect(unplaced).toEqual([
      { path: 'unexpected', msg: 'Extra inputs are not permitted' },
      { path: '', msg: 'broken' }
    ]);
  });

  it('puts a notebook problem on the notebook URI', () => {
    const { fields } = placeErrors(
      fieldErrors([{ loc: ['notebook'], msg: 'needs a URI' }]),
      visibleFields(emptyForm('notebook'))
    );
    expect(Object.fromEntries(fields)).toEqual({
      'notebook.s3_uri': 'needs a URI'
    });
  });
});
