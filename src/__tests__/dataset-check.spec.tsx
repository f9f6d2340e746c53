import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';
import * as React from 'react';

import { SharedModelsClient } from '../api/catalog';
import {
  DatasetCheckResult,
  DatasetCheckState,
  datasetVerdict
} from '../datasets/DatasetCheck';
import { EntryDetails } from '../details/EntryDetails';
import { Vocabulary } from '../common/labels';
import { ApiError } from '../api/request';
import { TRANSLATION_DOMAIN } from '../tokens';
import type { IDatasetCheck } from '../api/types';
import { createWizardWidget } from '../wizard/WizardWidget';
import { json, makeEntry, waitFor } from './helpers';
import { buttonNames, mount } from './render';
import { button, byLabel, routedSettings, type } from './wizard-dom';
import { modelEntry, OPTIONS } from './wizard-fixtures';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

const MATCH: IDatasetCheck = {
  ok: true,
  training_columns: ['age', 'income', 'churn'],
  validation_columns: ['age', 'income', 'churn'],
  problems: [],
  training_object: 's3://b/train/part-0.csv',
  validation_object: 's3://b/valid/part-0.csv'
};
const MISMATCH: IDatasetCheck = {
  ok: false,
  training_columns: ['age', 'income', 'churn'],
  validation_columns: ['age', 'churn'],
  problems: [
    'The training data has 3 columns and the validation data has 2.',
    'Missing from the validation data: income.'
  ],
  training_object: 's3://b/train/part-0.csv',
  validation_object: 's3://b/valid/part-0.csv'
};
const NOT_CSV: IDatasetCheck = {
  ok: false,
  training_columns: ['age', 'income', 'churn'],
  validation_columns: [],
  problems: [
    'The validation data at s3://b/img/ cannot be checked: no CSV file was found there (only CSV data can be checked).'
  ],
  training_object: 's3://b/train/part-0.csv',
  validation_object: null
};

describe('the dataset check result', () => {
  it.each([
    ['match', MATCH],
    ['mismatch', MISMATCH],
    ['unchecked', NOT_CSV]
  ])('reads a result as %s', (verdict, result) => {
    expect(datasetVerdict(result)).toBe(verdict);
  });

  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  const render = async (state: DatasetCheckState, note?: string) => {
    widget = await mount(
      <DatasetCheckResult state={state} trans={trans} mismatchNote={note} />
    );
    return widget.node.querySelector('[role="status"]')!;
  };

  it('says the columns when they match', async () => {
    const node = await render({ status: 'done', result: MATCH });
    expect(node.textContent).toBe(
      'The datasets match: 3 columns (age, income, churn).'
    );
    expect(node.className).toContain('sme-mod-match');
  });

  it('lists the differences of a mismatch, as a warning', async () => {
    const node = await render(
      { status: 'done', result: MISMATCH },
      'This is a warning: you can still save the model.'
    );
    expect(node.className).toContain('sme-mod-mismatch');
    expect(node.textContent).toContain(
      'The validation dataset does not match the training dataset.'
    );
    expect(
      Array.from(node.querySelectorAll('li')).map(li => li.textContent)
    ).toEqual(MISMATCH.problems);
    expect(node.textContent).toContain('Validation columnsage, churn');
    expect(node.textContent).toContain('you can still save');
  });

  it('says that data which is not CSV cannot be checked', async () => {
    const node = await render({ status: 'done', result: NOT_CSV });
    expect(node.className).toContain('sme-mod-unchecked');
    expect(node.textContent).toContain('The datasets could not be compared.');
    expect(node.textContent).toContain('only CSV data can be checked');
    expect(node.textContent).not.toContain('Training columns');
  });

  it('says when the check itself failed, and is empty before any check', async () => {
    let node = await render({
      status: 'failed',
      message: 'AWS credentials are not configured.'
    });
    expect(node.textContent).toBe(
      'Could not check the datasets: AWS credentials are not configured.'
    );
    widget!.dispose();
    node = await render({ status: 'idle' });
    expect(node.textContent).toBe('');
  });
});

describe('Check datasets in the wizard', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('runs by itself once both URIs are set, and again on demand', async () => {
    const bodies: unknown[] = [];
    let answer: IDatasetCheck = MISMATCH;
    const { settings } = routedSettings({
      'GET options': () => ({ status: 200, body: json(OPTIONS) }),
      'POST validation-check': async request => {
        bodies.push(await request.json());
        return { status: 200, body: json(answer) };
      },
      // The server's verdict as the user types: no S3 URI, no dataset check.
      'PUT entries/churn-xgboost?dry_run': async request => {
        const body = await request.json();
        const uri = body.training?.validation_data_uri ?? '';
        return uri && !uri.startsWith('s3://')
          ? {
              status: 400,
              body: json({
                error: {
                  code: 'invalid',
                  message: 'invalid',
                  details: [
                    {
                      loc: ['training', 'validation_data_uri'],
                      msg: 'must be an S3 URI starting with s3://'
                    }
                  ]
                }
              })
            }
          : { status: 200, body: json({ ok: true }) };
      }
    });
    const widget = createWizardWidget({
      client: new SharedModelsClient({ serverSettings: settings }),
      trans,
      kind: 'model',
      entry: modelEntry({
        training: { ...modelEntry().training!, validation_data_uri: null }
      })
    });
    Widget.attach(widget, document.body);
    const root = widget.node;
    await waitFor(() => root.querySelector('form') !== null);
    const check = () => button(root, 'Check datasets');
    // One URI is not enough.
    expect(check().disabled).toBe(true);

    type(byLabel(root, 'Validation dataset S3 URI'), 'not-a-uri');
    await new Promise(resolve => setTimeout(resolve, 900));
    expect(bodies).toHaveLength(0);
    expect(check().disabled).toBe(true);

    type(byLabel(root, 'Validation dataset S3 URI'), 's3://bucket/data/valid/');
    await waitFor(() => bodies.length === 1, 3000);
    expect(bodies[0]).toEqual({
      training_data_uri: 's3://bucket/data/train/',
      validation_data_uri: 's3://bucket/data/valid/'
    });
    await waitFor(() =>
      root.textContent!.includes(
        'The validation dataset does not match the training dataset.'
      )
    );
    // A warning: the wizard still saves.
    expect(root.textContent).toContain('you can still save the model');
    expect(check().disabled).toBe(false);

    answer = MATCH;
    check().click();
    await waitFor(() =>
      root.textContent!.includes('The datasets match: 3 columns')
    );
    expect(bodies).toHaveLength(2);
    // Unchanged URIs are not checked again by themselves.
    await new Promise(resolve => setTimeout(resolve, 900));
    expect(bodies).toHaveLength(2);
    widget.dispose();
  });
});

describe('Check datasets on the details view', () => {
  let widget: Widget | null = null;
  afterEach(() => {
    widget?.dispose();
    widget = null;
  });

  const props = {
    vocabulary: new Vocabulary(null),
    rendermime: null,
    onAction: jest.fn(),
    onRefresh: jest.fn(),
    isOwner: false,
    trans
  };

  it('checks the model on demand and says what it found', async () => {
    const check = jest
      .fn()
      .mockRejectedValueOnce(
        new ApiError({
          status: 400,
          code: 'invalid',
          message: 'No validation dataset is set.'
        })
      )
      .mockResolvedValueOnce(MISMATCH);
    widget = await mount(
      <EntryDetails {...props} entry={modelEntry()} checkDatasets={check} />
    );
    const node = widget.node;
    const run = () =>
      Array.from(node.querySelectorAll('button')).find(
        b => b.textContent === 'Check datasets'
      )!;
    run().click();
    await waitFor(() =>
      node.textContent!.includes(
        'Could not check the datasets: No validation dataset is set.'
      )
    );
    run().click();
    await waitFor(() =>
      node.textContent!.includes('Missing from the validation data')
    );
    expect(check).toHaveBeenCalledTimes(2);
    expect(check.mock.calls[0][0]).toBeInstanceOf(AbortSignal);
  });

  it('is offered for models with training only', async () => {
    widget = await mount(
      <EntryDetails
        {...props}
        entry={makeEntry({ id: 'plain' })}
        checkDatasets={jest.fn()}
      />
    );
    expect(buttonNames(widget.node)).not.toContain('Check datasets');
  });
});
