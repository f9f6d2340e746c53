import { bodyFromForm, hyperparameterBody, numberFrom } from '../wizard/body';
import {
  emptyForm,
  emptyHyperparameter,
  formFromEntry,
  splitUsers
} from '../wizard/form';
import { modelEntry, notebookEntry, RULES } from './wizard-fixtures';

/** The fields of an entry a client sends back. */
function inputOf(entry: ReturnType<typeof modelEntry>) {
  const { owner, created_at, updated_at, version, ...input } = entry;
  void owner;
  void created_at;
  void updated_at;
  void version;
  return input;
}

describe('formFromEntry / bodyFromForm', () => {
  it('round-trips a model with training and deployment', () => {
    const entry = modelEntry();
    const form = formFromEntry(entry);
    expect(form.id).toBe('churn-xgboost');
    expect(form.keywords).toBe('churn, xgboost');
    expect(form.share.users).toBe('bob');
    expect(form.training.enabled).toBe(true);
    expect(form.training.environment).toEqual([
      { name: 'LOG_LEVEL', value: 'info' }
    ]);
    expect(form.training.hyperparameters[0]).toMatchObject({
      min: '1',
      max: '100',
      default: '10'
    });
    expect(form.training.hyperparameters[2].values).toBe('adam, sgd');
    expect(form.inference.enabled).toBe(true);

    // Keywords go as typed: the server normalises them.
    expect(bodyFromForm(form, RULES)).toEqual({
      ...inputOf(entry),
      keywords: 'churn, xgboost'
    });
  });

  it('round-trips a notebook', () => {
    const entry = notebookEntry();
    const form = formFromEntry(entry);
    expect(form.notebook.s3_uri).toBe('s3://bucket/nb/eda.ipynb');
    expect(bodyFromForm(form, RULES)).toEqual({
      ...inputOf(entry),
      keywords: entry.keywords.join(', ')
    });
  });

  it('fills the default instance type from the first one when null', () => {
    const entry = modelEntry();
    entry.training!.default_instance_type = null;
    expect(formFromEntry(entry).training.default_instance_type).toBe(
      'ml.m5.xlarge'
    );
  });

  it('sends null training and inference when their switches are off', () => {
    const form = formFromEntry(modelEntry());
    form.training.enabled = false;
    form.inference.enabled = false;
    const body = bodyFromForm(form, RULES);
    expect(body.training).toBeNull();
    expect(body.inference).toBeNull();
    expect(body.notebook).toBeNull();
  });

  it('sends no column format and no Canvas users unless tabular', () => {
    const form = formFromEntry(modelEntry());
    form.data_type = 'text';
    form.task = 'text-generation';
    const body = bodyFromForm(form, RULES);
    expect(body.training?.tabular).toBeNull();
    expect(body.share.canvas_users).toEqual([]);
  });

  it('sends a column format and Canvas users where the served rules say', () => {
    const form = formFromEntry(modelEntry());
    form.data_type = 'text';
    form.task = 'text-generation';
    form.share.canvas_users = 'carol';
    // Rules that differ from the server's: the body follows them, so no
    // copy of "tabular only" is left in the wizard.
    const rules = {
      ...RULES,
      share: {
        ...RULES.share,
        canvas: { kinds: ['model'], data_types: ['text'] }
      },
      training: { ...RULES.training, column_format_data_types: ['text'] }
    } as typeof RULES;
    const body = bodyFromForm(form, rules);
    expect(body.share.canvas_users).toEqual(['carol']);
    expect(body.training?.tabular).toEqual(modelEntry().training!.tabular);
    const tabular = { ...form, data_type: 'tabular' as const };
    expect(bodyFromForm(tabular, rules).share.canvas_users).toEqual([]);
    expect(bodyFromForm(tabular, rules).training?.tabular).toBeNull();
  });

  it('reads the text fields as the server expects them', () => {
    const form = emptyForm('model');
    Object.assign(form, {
      id: '  ',
      title: '  Churn  ',
      data_type: 'tabular',
      keywords: 'Churn xgboost, churn',
      share: {
        organization: true,
        users: 'bob, carol dave,,',
        canvas_users: ''
      }
    });
    form.training = {
      ...form.training,
      enabled: true,
      image: { source: 'dlc', uri: ' image ' },
      environment: [
        { name: ' A ', value: '1' },
        { name: '', value: '' }
      ],
      script_uri: ' ',
      output_path: ' s3://bucket/out/ ',
      instance_types: ['ml.m5.xlarge'],
      default_instance_type: ''
    };
    const body = bodyFromForm(form, RULES);
    expect(body.id).toBeNull();
    expect(body.title).toBe('Churn');
    expect(body.keywords).toBe('Churn xgboost, churn');
    expect(body.share.users).toEqual(['bob', 'carol', 'dave']);
    expect(body.training).toMatchObject({
      image: { source: 'dlc', uri: 'image' },
      environment: { A: '1' },
      script_uri: null,
      entry_point: null,
      output_path: 's3://bucket/out/',
      channels: [{ name: 'train', uri: '' }],
      default_instance_type: null,
      tabular: { columns: [], target_column: '' }
    });
  });
});

describe('hyperparameterBody', () => {
  it('builds each type with its own fields', () => {
    const row = { ...emptyHyperparameter(), name: ' x ', min: '1', max: '5' };
    expect(hyperparameterBody({ ...row, default: ' 2 ' })).toEqual({
      name: 'x',
      type: 'integer',
      min: 1,
      max: 5,
      default: '2'
    });
    expect(
      hyperparameterBody({
        ...row,
        type: 'continuous',
        min: '1e-5',
        max: '.5',
        scaling: 'linear',
        default: '0.1'
      })
    ).toEqual({
      name: 'x',
      type: 'continuous',
      min: 1e-5,
      max: 0.5,
      scaling: 'linear',
      default: '0.1'
    });
    expect(
      hyperparameterBody({
        ...row,
        type: 'categorical',
        values: 'adam, ,sgd ',
        default: 'adam'
      })
    ).toEqual({
      name: 'x',
      type: 'categorical',
      values: ['adam', 'sgd'],
      default: 'adam'
    });
    expect(
      hyperparameterBody({ ...row, type: 'free-text', default: ' as is ' })
    ).toEqual({ name: 'x', type: 'free-text', default: ' as is ' });
  });

  it('passes text that is no number through, for the server to explain', () => {
    expect(numberFrom(' 42 ')).toBe(42);
    expect(numberFrom('-1.5e3')).toBe(-1500);
    expect(numberFrom('abc')).toBe('abc');
    expect(numberFrom('')).toBe('');
  });
});

describe('splitUsers', () => {
  it('splits on commas and spaces, dropping repeats', () => {
    expect(splitUsers(' bob,carol  bob ,, ')).toEqual(['bob', 'carol']);
  });
});
