import { nullTranslator } from '@jupyterlab/translation';

import { TRANSLATION_DOMAIN } from '../tokens';
import { columnsFromHeader, parseCsvHeader } from '../wizard/columns';
import { emptyForm, formFromEntry, IEntryForm } from '../wizard/form';
import { groupCount, testRegex } from '../wizard/regex';
import { ecrImageProblem, s3UriProblem } from '../wizard/uris';
import { validateForm } from '../wizard/validate';
import { DLC_URI, modelEntry, notebookEntry, OPTIONS } from './wizard-fixtures';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

function errorsOf(form: IEntryForm): Record<string, string> {
  return Object.fromEntries(validateForm(form, trans, OPTIONS));
}

describe('s3UriProblem (same verdicts as the server)', () => {
  it.each([
    ['s3://bucket/key', true],
    ['s3://b/', false],
    ['s3://bucket', true],
    ['s3://bucket/', true],
    ['http://bucket/x', false],
    ['s3://Bucket/x', false],
    ['s3://my..bucket/x', false],
    ['s3://192.168.1.1/x', false],
    ['s3://-bucket/x', false],
    ['s3://bucket/a/../b', false],
    ['s3://bucket/a\tb', false],
    [`s3://bucket/${'k'.repeat(1025)}`, false],
    ['s3://bucket/ünï', true],
    [' s3://bucket/x ', true],
    ['s3://', false],
    ['s3:///key', false],
    ['s3://bu_cket/x', false],
    ['s3://a.b-c/x', true]
  ])('%j valid: %s', (uri, valid) => {
    expect(s3UriProblem(uri, trans) === null).toBe(valid);
  });
});

describe('ecrImageProblem (same verdicts as the server)', () => {
  const host = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
  it.each([
    [DLC_URI, true],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/repo:tag', true],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com/repo:tag', false],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com.cn/repo', false],
    [`${host}/repo`, true],
    [host, false],
    [`https://${host}/repo`, false],
    ['12345.dkr.ecr.us-east-1.amazonaws.com/repo', false],
    [`${host}/Repo`, false],
    [`${host}/a`, false],
    [`${host}/ns/repo:.bad`, false],
    [`${host}/repo@sha256:${'a'.repeat(64)}`, true],
    [`${host}/repo@sha256:abc`, false],
    ['123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/ns/sub/repo:v1.0', true],
    ['docker.io/library/python:3', false],
    [`${host}/${'r'.repeat(250)}:t`, false]
  ])('%j valid: %s', (uri, valid) => {
    expect(ecrImageProblem(uri, trans) === null).toBe(valid);
  });
});

describe('testRegex', () => {
  it('shows the captured value', () => {
    expect(
      testRegex('Loss =(.*?);', 'Epoch 3: Loss = 0.251; Acc = 1;')
    ).toEqual({ status: 'match', value: ' 0.251' });
    expect(testRegex('acc=(?P<v>[0-9.]+)', 'loss=1 acc=0.9')).toEqual({
      status: 'match',
      value: '0.9'
    });
  });

  it('says when nothing matches', () => {
    expect(testRegex('loss=([0-9]+)', 'no metrics here')).toEqual({
      status: 'no-match'
    });
  });

  it('needs exactly one capture group', () => {
    expect(testRegex('(a)(b)', 'ab')).toEqual({ status: 'groups', count: 2 });
    expect(testRegex('loss=\\d+', 'loss=1')).toEqual({
      status: 'groups',
      count: 0
    });
    expect(testRegex('(?:x)(y)', 'xy')).toEqual({
      status: 'match',
      value: 'y'
    });
  });

  it('reports a regex that does not compile', () => {
    const result = testRegex('(', 'x');
    expect(result.status).toBe('invalid');
    expect(groupCount('(')).toBeNull();
  });
});

describe('parseCsvHeader / columnsFromHeader', () => {
  it.each([
    ['age,income,churn', ['age', 'income', 'churn']],
    ['\uFEFF age , income ,churn\r\n1,2,3', ['age', 'income', 'churn']],
    ['"last, first","say ""hi""",x', ['last, first', 'say "hi"', 'x']],
    ['a\tb\tc', ['a', 'b', 'c']],
    ['a,,b,', ['a', 'b']],
    ['', []]
  ])('%j → %j', (header, names) => {
    expect(parseCsvHeader(header)).toEqual(names);
  });

  it('keeps the type of columns already listed', () => {
    expect(
      columnsFromHeader('age,churn,age', [
        { name: 'churn', type: 'categorical' }
      ])
    ).toEqual([
      { name: 'age', type: 'numeric' },
      { name: 'churn', type: 'categorical' }
    ]);
  });
});

describe('validateForm', () => {
  it('accepts a complete model and a complete notebook', () => {
    expect(errorsOf(formFromEntry(modelEntry()))).toEqual({});
    expect(errorsOf(formFromEntry(notebookEntry()))).toEqual({});
  });

  it('asks for the basics', () => {
    expect(Object.keys(errorsOf(emptyForm('model')))).toEqual([
      'title',
      'data_type',
      'task',
      'framework'
    ]);
    expect(Object.keys(errorsOf(emptyForm('notebook')))).toContain(
      'notebook.s3_uri'
    );
  });

  it('checks the ID, the task against the data type, and keywords', () => {
    const form = formFromEntry(modelEntry());
    form.id = 'Not valid';
    form.task = 'text-generation';
    form.keywords = Array.from({ length: 51 }, (_, i) => `k${i}`).join(' ');
    expect(Object.keys(errorsOf(form))).toEqual(['id', 'task', 'keywords']);
  });

  it('limits Canvas users to 23, for tabular models', () => {
    const form = formFromEntry(modelEntry());
    form.share.canvas_users = Array.from(
      { length: 24 },
      (_, i) => `u${i}`
    ).join(',');
    expect(errorsOf(form)['share.canvas_users']).toMatch(/at most 23/);
    form.data_type = 'text';
    form.task = 'text-generation';
    form.training.enabled = false;
    expect(errorsOf(form)['share.canvas_users']).toBeUndefined();
  });

  it('checks the notebook URI', () => {
    const form = formFromEntry(notebookEntry());
    form.notebook.s3_uri = 's3://bucket/nb/eda.py';
    expect(errorsOf(form)['notebook.s3_uri']).toMatch(/\.ipynb/);
  });

  it('checks the training fields row by row', () => {
    const form = formFromEntry(modelEntry());
    const training = form.training;
    training.image.uri = 'python:3';
    training.environment.push({ name: '1BAD', value: '' });
    training.script_uri = 's3://bucket/code/';
    training.entry_point = '../train.py';
    training.output_path = '';
    training.channels = [
      { name: 'train', uri: 's3://bucket/a/' },
      { name: 'train', uri: 'bucket/b' }
    ];
    training.hyperparameters[0].min = '5';
    training.hyperparameters[0].max = '1';
    training.hyperparameters[1].default = '7';
    training.hyperparameters[2].default = 'rmsprop';
    training.hyperparameters[3].name = 'sagemaker_program';
    training.instance_types = [];
    training.metrics.push({ name: 'loss', regex: '(a)(b)' });
    training.tabular.target_column = 'gone';
    expect(errorsOf(form)).toEqual({
      'training.image.uri': expect.stringMatching(/ECR image URI/),
      'training.environment.1.name': expect.any(String),
      'training.script_uri': expect.stringMatching(/file/),
      'training.entry_point': expect.stringMatching(/relative path/),
      'training.output_path': expect.any(String),
      'training.channels.1.name': "'train' is used more than once.",
      'training.channels.1.uri': expect.stringMatching(/s3:\/\//),
      'training.hyperparameters.0.max': expect.stringMatching(/greater/),
      'training.hyperparameters.1.default': expect.stringMatching(/between/),
      'training.hyperparameters.2.default': expect.any(String),
      'training.hyperparameters.3.name': expect.stringMatching(/script mode/),
      'training.instance_types': expect.any(String),
      'training.metrics.1.regex': expect.stringMatching(/it has 2/),
      'training.metrics.1.name': "'loss' is used more than once.",
      'training.tabular.target_column': expect.stringMatching(/not one of/)
    });
  });

  it('needs a column format for tabular training, and channels', () => {
    const form = formFromEntry(modelEntry());
    form.training.tabular = { columns: [], target_column: '' };
    form.training.channels = [];
    const errors = errorsOf(form);
    expect(errors['training.tabular.columns']).toMatch(/column format/);
    expect(errors['training.channels']).toMatch(/at least one/);
  });

  it('leaves scaling-specific ranges to the server', () => {
    const form = formFromEntry(modelEntry());
    Object.assign(form.training.hyperparameters[1], {
      scaling: 'reverse-logarithmic',
      min: '0.1',
      max: '2',
      default: '0.5'
    });
    expect(errorsOf(form)).toEqual({});
  });

  it('checks the deployment fields', () => {
    const form = formFromEntry(modelEntry());
    form.inference.model_data_uri = 's3://bucket/output/model.zip';
    form.inference.instance_types = [];
    expect(errorsOf(form)).toEqual({
      'inference.model_data_uri': expect.stringMatching(/tar/),
      'inference.instance_types': expect.any(String)
    });
  });
});
