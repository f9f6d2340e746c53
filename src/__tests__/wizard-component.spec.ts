import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { SharedModelsClient } from '../api/catalog';
import { TRANSLATION_DOMAIN } from '../tokens';
import type { IEntry, Kind } from '../api/types';
import { createWizardWidget } from '../wizard/WizardWidget';
import { json, waitFor } from './helpers';
import {
  blur,
  button,
  byLabel,
  choose,
  describedError,
  routedSettings,
  type
} from './wizard-dom';
import { DLC_URI, modelEntry, notebookEntry, OPTIONS } from './wizard-fixtures';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);
const OPTIONS_ROUTE = () => ({ status: 200, body: json(OPTIONS) });

function openWizard(
  routes: Parameters<typeof routedSettings>[0],
  kind: Kind = 'model',
  entry?: IEntry
) {
  const { settings, requests } = routedSettings({
    'GET options': OPTIONS_ROUTE,
    ...routes
  });
  const onSaved = jest.fn();
  const widget = createWizardWidget({
    client: new SharedModelsClient({ serverSettings: settings }),
    trans,
    kind,
    entry,
    onSaved
  });
  Widget.attach(widget, document.body);
  const root = widget.node;
  return { widget, root, requests, onSaved };
}

async function ready(root: HTMLElement): Promise<void> {
  await waitFor(() => root.querySelector('form') !== null);
}

async function bodyOf(request: Request): Promise<Record<string, unknown>> {
  return JSON.parse(await request.clone().text());
}

describe('the entry wizard', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is titled, labelled, and fills the ID from the title (the server’s suggestion)', async () => {
    const { widget, root, requests } = openWizard({
      'GET id-suggestions': request => {
        const title = new URL(request.url).searchParams.get('title');
        return {
          status: 200,
          body: json({
            id: title === 'Churn XGBoost (v2)' ? 'churn-xgboost-v2-2' : 'x'
          })
        };
      }
    });
    expect(widget.title.label).toBe('Add model');
    await ready(root);
    for (const label of [
      'Title',
      'ID',
      'Description',
      'Data type',
      'ML task',
      'Framework',
      'Keywords',
      'Enable training',
      'Enable deployment'
    ]) {
      expect(byLabel(root, label)).toBeTruthy();
    }
    expect(byLabel(root, 'Enable training').getAttribute('role')).toBe(
      'switch'
    );

    type(byLabel(root, 'Title'), 'Churn XGBoost (v2)');
    await waitFor(() => byLabel(root, 'ID').value === 'churn-xgboost-v2-2');
    const asked = requests.filter(r => r.url.includes('id-suggestions'));
    expect(asked).toHaveLength(1);
    expect(asked[0].url).toContain('kind=model');

    // Typed by hand: the title no longer changes it.
    type(byLabel(root, 'ID'), 'my-own-id');
    type(byLabel(root, 'Title'), 'Another title');
    await new Promise(resolve => setTimeout(resolve, 350));
    expect(byLabel(root, 'ID').value).toBe('my-own-id');
    widget.dispose();
  });

  it('says when the choices cannot load, and retries', async () => {
    let calls = 0;
    const { widget, root } = openWizard({
      'GET options': () =>
        ++calls === 1
          ? {
              status: 503,
              body: json({
                error: { code: 'unavailable', message: 'Try later.' }
              })
            }
          : OPTIONS_ROUTE()
    });
    await waitFor(() => root.querySelector('[role="alert"]') !== null);
    expect(root.textContent).toContain('Could not load the choices');
    expect(root.textContent).toContain('Try later.');
    button(root, 'Retry').click();
    await ready(root);
    expect(calls).toBe(2);
    widget.dispose();
  });

  it('resets the task when the data type changes, and gates Canvas users', async () => {
    const { widget, root } = openWizard({});
    await ready(root);
    const task = byLabel<HTMLSelectElement>(root, 'ML task');
    const canvas = byLabel(root, 'Canvas users');
    expect(task.disabled).toBe(true);
    expect(canvas.disabled).toBe(true);

    choose(byLabel(root, 'Data type'), 'tabular');
    await waitFor(() => !byLabel<HTMLSelectElement>(root, 'ML task').disabled);
    choose(byLabel(root, 'ML task'), 'tabular-regression');
    await waitFor(
      () => byLabel(root, 'ML task').value === 'tabular-regression'
    );
    expect(byLabel(root, 'Canvas users').disabled).toBe(false);

    choose(byLabel(root, 'Data type'), 'text');
    await waitFor(() => byLabel(root, 'ML task').value === '');
    expect(byLabel(root, 'Canvas users').disabled).toBe(true);
    widget.dispose();
  });

  it('gates Canvas users by the served rule, not a copy of it', async () => {
    // Served: text models only (not what the server says today): the wizard
    // follows the rule it is given.
    const options = {
      ...OPTIONS,
      rules: {
        ...OPTIONS.rules,
        share: {
          ...OPTIONS.rules.share,
          canvas: { kinds: ['model'], data_types: ['text'] }
        }
      }
    } as typeof OPTIONS;
    const { widget, root } = openWizard({
      'GET options': () => ({ status: 200, body: json(options) })
    });
    await ready(root);
    const hint = (): string =>
      (byLabel(root, 'Canvas users').getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map(id => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(byLabel(root, 'Canvas users').disabled).toBe(true);
    expect(hint()).toContain('Only models of data type Text can be shared');
    choose(byLabel(root, 'Data type'), 'text');
    await waitFor(() => !byLabel(root, 'Canvas users').disabled);

    choose(byLabel(root, 'Data type'), 'tabular');
    await waitFor(() => byLabel(root, 'Canvas users').disabled);
    widget.dispose();
  });

  it('turns spaces in keywords into commas, and normalises on blur', async () => {
    const { widget, root } = openWizard({});
    await ready(root);
    const keywords = byLabel(root, 'Keywords');
    type(keywords, 'Churn xgboost');
    await waitFor(() => byLabel(root, 'Keywords').value === 'Churn, xgboost');
    type(byLabel(root, 'Keywords'), 'Churn, xgboost, churn ');
    blur(byLabel(root, 'Keywords'));
    await waitFor(() => byLabel(root, 'Keywords').value === 'churn, xgboost');
    widget.dispose();
  });

  it('shows the server’s problems on submit and focuses the first one', async () => {
    const missing = (field: string, msg: string) => ({ loc: [field], msg });
    const { widget, root, requests } = openWizard({
      'POST entries': () => ({
        status: 400,
        body: json({
          error: {
            code: 'invalid',
            message: '4 fields are invalid',
            details: [
              missing('title', 'Enter a title.'),
              missing('data_type', 'Choose a data type.'),
              missing('task', 'Choose an ML task.'),
              missing('framework', 'Choose a framework.')
            ]
          }
        })
      })
    });
    await ready(root);
    button(root, 'Add model').click();
    await waitFor(
      () => byLabel(root, 'Title').getAttribute('aria-invalid') === 'true'
    );
    const title = byLabel(root, 'Title');
    expect(describedError(title)).toBe('Enter a title.');
    await waitFor(() => document.activeElement === title);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Fix the 4 problems marked below.'
    );
    expect(requests.filter(r => r.method === 'POST')).toHaveLength(1);
    widget.dispose();
  });

  it('asks the server as the user types, and shows its problem under the field typed in', async () => {
    const checks: Array<Record<string, unknown>> = [];
    const { widget, root, requests } = openWizard(
      {
        'POST entries?dry_run': async request => {
          const body = await bodyOf(request);
          checks.push(body);
          const uri = (body.notebook as { s3_uri: string }).s3_uri;
          return {
            status: 400,
            body: json({
              error: {
                code: 'invalid',
                message: 'invalid',
                details: [
                  { loc: ['title'], msg: 'Enter a title.' },
                  ...(uri.startsWith('s3://')
                    ? []
                    : [
                        {
                          loc: ['notebook', 's3_uri'],
                          msg: 'Must be an S3 URI starting with s3://'
                        }
                      ])
                ]
              }
            })
          };
        }
      },
      'notebook'
    );
    await ready(root);
    const uri = () => byLabel(root, 'Notebook S3 URI');
    type(uri(), 's3:/bad');
    await waitFor(() => uri().getAttribute('aria-invalid') === 'true');
    expect(describedError(uri())).toBe('Must be an S3 URI starting with s3://');
    // Only the field typed in shows its problem; nothing was saved.
    expect(byLabel(root, 'Title').getAttribute('aria-invalid')).toBeNull();
    expect(checks[checks.length - 1]).toMatchObject({ kind: 'notebook' });
    expect(
      requests.filter(
        r => r.method === 'POST' && !r.url.includes('dry_run=true')
      )
    ).toHaveLength(0);

    type(uri(), 's3://bucket/nb/eda.ipynb');
    await waitFor(() => uri().getAttribute('aria-invalid') === null);
    widget.dispose();
  });

  it('fills the column format from a CSV header and offers its columns as target', async () => {
    const { widget, root } = openWizard({});
    await ready(root);
    choose(byLabel(root, 'Data type'), 'tabular');
    byLabel(root, 'Enable training').click();
    await waitFor(() => root.textContent!.includes('Column format'));
    button(root, 'Paste CSV header').click();
    await waitFor(() => root.querySelector('[id$="-csv-header"]') !== null);
    type(byLabel(root, 'CSV header'), 'age,income,churn');
    button(root, 'Fill columns').click();
    await waitFor(
      () => root.querySelector('[aria-label="Column 3 name"]') !== null
    );
    expect(byLabel(root, 'Column 3 name').value).toBe('churn');
    const target = byLabel<HTMLSelectElement>(root, 'Target column');
    expect(Array.from(target.options).map(o => o.value)).toEqual([
      '',
      'age',
      'income',
      'churn'
    ]);
    choose(target, 'churn');
    await waitFor(() => byLabel(root, 'Target column').value === 'churn');
    // Renaming the target column keeps it the target.
    type(byLabel(root, 'Column 3 name'), 'churned');
    await waitFor(() => byLabel(root, 'Target column').value === 'churned');
    button(root, 'Remove column 3').click();
    await waitFor(() => byLabel(root, 'Target column').value === '');
    widget.dispose();
  });

  it('shows the column format and the channel counts the rules serve', async () => {
    const options = {
      ...OPTIONS,
      rules: {
        ...OPTIONS.rules,
        training: {
          min_channels: 2,
          max_channels: 5,
          column_format_data_types: ['image']
        }
      }
    } as typeof OPTIONS;
    const { widget, root } = openWizard({
      'GET options': () => ({ status: 200, body: json(options) })
    });
    await ready(root);
    choose(byLabel(root, 'Data type'), 'image');
    byLabel(root, 'Enable training').click();
    await waitFor(() => root.textContent!.includes('Column format'));
    expect(root.textContent).toContain('(e.g. train, test), 2 to 5.');
    choose(byLabel(root, 'Data type'), 'tabular');
    await waitFor(() => !root.textContent!.includes('Column format'));
    widget.dispose();
  });

  it('tests a metric regex against a sample log line', async () => {
    const { widget, root } = openWizard({});
    await ready(root);
    byLabel(root, 'Enable training').click();
    await waitFor(() => root.textContent!.includes('Add metric'));
    button(root, 'Add metric').click();
    await waitFor(
      () => root.querySelector('[aria-label="Metric 1 name"]') !== null
    );
    type(byLabel(root, 'Sample log line'), 'Epoch 1: Loss = 0.25; Acc = 0.9;');
    type(byLabel(root, 'Metric 1 regular expression'), 'Loss = (.*?);');
    button(root, 'Test regex of metric 1').click();
    await waitFor(() => root.textContent!.includes('Captured value: “0.25”'));
    type(byLabel(root, 'Metric 1 regular expression'), 'Acc = (.*?)!');
    button(root, 'Test regex of metric 1').click();
    await waitFor(() =>
      root.textContent!.includes('No match in the sample log line.')
    );
    widget.dispose();
  });

  it('places the server’s 400 details on their fields, keeping every value', async () => {
    let posts = 0;
    const { widget, root, onSaved, requests } = openWizard(
      {
        'GET id-suggestions': () => ({
          status: 200,
          body: json({ id: 'eda' })
        }),
        'POST entries': () => {
          posts++;
          return posts === 1
            ? {
                status: 400,
                body: json({
                  error: {
                    code: 'invalid',
                    message: '2 fields are invalid',
                    details: [
                      { loc: ['notebook', 's3_uri'], msg: 'no such notebook' },
                      {
                        loc: ['mystery'],
                        msg: 'Extra inputs are not permitted'
                      }
                    ]
                  }
                })
              }
            : { status: 201, body: json(notebookEntry()) };
        }
      },
      'notebook'
    );
    await ready(root);
    expect(widget.title.label).toBe('Add notebook');
    type(byLabel(root, 'Title'), 'EDA');
    await waitFor(() => byLabel(root, 'ID').value === 'eda');
    choose(byLabel(root, 'Data type'), 'text');
    await waitFor(() => !byLabel<HTMLSelectElement>(root, 'ML task').disabled);
    choose(byLabel(root, 'ML task'), 'text-generation');
    choose(byLabel(root, 'Framework'), 'pytorch');
    type(byLabel(root, 'Notebook S3 URI'), 's3://bucket/nb/eda.ipynb');
    await waitFor(() => byLabel(root, 'Framework').value === 'pytorch');
    button(root, 'Add notebook').click();

    const uri = () => byLabel(root, 'Notebook S3 URI');
    await waitFor(() => uri().getAttribute('aria-invalid') === 'true');
    expect(describedError(uri())).toBe('no such notebook');
    await waitFor(() => document.activeElement === uri());
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('mystery');
    expect(alert.textContent).toContain('Extra inputs are not permitted');
    expect(byLabel(root, 'Title').value).toBe('EDA');
    expect(uri().value).toBe('s3://bucket/nb/eda.ipynb');

    // Changing the field clears the server's problem.
    type(uri(), 's3://bucket/nb/eda2.ipynb');
    await waitFor(() => uri().getAttribute('aria-invalid') === null);
    button(root, 'Add notebook').click();
    await waitFor(() => onSaved.mock.calls.length === 1);
    expect(onSaved).toHaveBeenCalledWith(notebookEntry());
    expect(widget.isDisposed).toBe(true);
    const body = await bodyOf(requests.filter(r => r.method === 'POST')[1]);
    expect(body).toMatchObject({
      kind: 'notebook',
      id: 'eda',
      notebook: { s3_uri: 's3://bucket/nb/eda2.ipynb' },
      training: null,
      inference: null
    });
  });

  it('puts a 409 on the ID field', async () => {
    const { widget, root } = openWizard(
      {
        'POST entries': () => ({
          status: 409,
          body: json({
            error: {
              code: 'conflict',
              message: "The ID 'eda' is already taken; choose another one."
            }
          })
        })
      },
      'notebook',
      undefined
    );
    await ready(root);
    type(byLabel(root, 'Title'), 'EDA');
    choose(byLabel(root, 'Data type'), 'text');
    await waitFor(() => !byLabel<HTMLSelectElement>(root, 'ML task').disabled);
    choose(byLabel(root, 'ML task'), 'text-generation');
    choose(byLabel(root, 'Framework'), 'pytorch');
    type(byLabel(root, 'Notebook S3 URI'), 's3://bucket/nb/eda.ipynb');
    await waitFor(() => byLabel(root, 'Framework').value === 'pytorch');
    button(root, 'Add notebook').click();
    await waitFor(
      () => byLabel(root, 'ID').getAttribute('aria-invalid') === 'true'
    );
    expect(describedError(byLabel(root, 'ID'))).toContain('already taken');
    await waitFor(() => document.activeElement === byLabel(root, 'ID'));
    widget.dispose();
  });

  it('edits with If-Match, and offers to reload on 412', async () => {
    const entry = modelEntry();
    const fresh = modelEntry({ description: 'Changed by bob.', version: 4 });
    let puts = 0;
    const { widget, root, requests, onSaved } = openWizard(
      {
        'GET entries/churn-xgboost': () => ({ status: 200, body: json(fresh) }),
        'PUT entries/churn-xgboost': () =>
          ++puts === 1
            ? {
                status: 412,
                body: json({
                  error: { code: 'precondition_failed', message: 'stale' }
                })
              }
            : { status: 200, body: json({ ...fresh, version: 5 }) }
      },
      'model',
      entry
    );
    expect(widget.title.label).toBe('Edit Churn XGBoost');
    await ready(root);
    const id = byLabel(root, 'ID');
    expect(id.value).toBe('churn-xgboost');
    expect(id.readOnly).toBe(true);
    expect(byLabel(root, 'Container image URI').value).toBe(DLC_URI);
    expect(byLabel(root, 'Target column').value).toBe('churn');

    type(byLabel(root, 'Description'), 'Mine.');
    button(root, 'Save changes').click();
    await waitFor(() =>
      root.textContent!.includes(
        'Someone else changed this entry since you opened it.'
      )
    );
    const put = requests.filter(r => r.method === 'PUT')[0];
    expect(put.headers.get('If-Match')).toBe('"3"');

    button(root, 'Reload').click();
    await waitFor(
      () => byLabel(root, 'Description').value === 'Changed by bob.'
    );
    button(root, 'Save changes').click();
    await waitFor(() => onSaved.mock.calls.length === 1);
    const second = requests.filter(r => r.method === 'PUT')[1];
    expect(second.headers.get('If-Match')).toBe('"4"');
    expect(await bodyOf(second)).toMatchObject({ id: 'churn-xgboost' });
  });
});
