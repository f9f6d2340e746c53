import { Notification } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { SharedModelsClient } from '../api/catalog';
import { TRANSLATION_DOMAIN } from '../tokens';
import { errorsOf, placeErrors } from '../common/form';
import {
  ALIASES,
  bodyFromForm,
  shareBodyFromForm,
  shareForm,
  titleFromPath
} from '../wizard';
import { visibleFields } from '../wizard/fields';
import { saveEntry } from '../wizard/save';
import { createWizardWidget, wizardId } from '../wizard/WizardWidget';
import { json, makeEntry, waitFor } from './helpers';
import {
  button,
  byLabel,
  choose,
  describedError,
  routedSettings,
  type
} from './wizard-dom';
import { OPTIONS, RULES } from './wizard-fixtures';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

/** A filled "Share notebook…" form. */
function filledForm(path = 'work/Churn analysis.ipynb') {
  return {
    ...shareForm(path),
    id: 'churn-analysis',
    description: 'EDA of churn.',
    data_type: 'tabular' as const,
    task: 'tabular-classification',
    framework: 'scikit-learn',
    keywords: 'Churn eda',
    share: { organization: true, users: 'bob, carol', canvas_users: 'dave' }
  };
}

describe('the "Share notebook…" form', () => {
  it('starts from the file: its name as title, its path, no destination', () => {
    expect(titleFromPath('work/Churn analysis.ipynb')).toBe('Churn analysis');
    expect(titleFromPath('eda.IPYNB')).toBe('eda');
    const form = shareForm('work/eda.ipynb');
    expect(form.kind).toBe('notebook');
    expect(form.title).toBe('eda');
    expect(form.notebook).toEqual({ s3_uri: '', path: 'work/eda.ipynb' });
    expect(visibleFields(form, RULES).has('notebook.path')).toBe(true);
    expect(visibleFields(form, RULES).has('notebook.s3_uri')).toBe(true);
  });

  it('sends the path, the basic information and the sharing; no destination when empty', () => {
    const body = shareBodyFromForm(filledForm(), RULES);
    expect(body).toEqual({
      path: 'work/Churn analysis.ipynb',
      id: 'churn-analysis',
      title: 'Churn analysis',
      description: 'EDA of churn.',
      data_type: 'tabular',
      task: 'tabular-classification',
      framework: 'scikit-learn',
      keywords: 'Churn eda',
      // Canvas is for tabular models only: never for a notebook.
      share: { organization: true, users: ['bob', 'carol'], canvas_users: [] }
    });
    expect('s3_uri' in body).toBe(false);
    expect('kind' in body).toBe(false);
    expect('notebook' in body).toBe(false);
  });

  it('sends the destination when one is given, and no id when there is none', () => {
    const form = {
      ...filledForm(),
      id: '  ',
      notebook: { path: 'eda.ipynb', s3_uri: ' s3://team/notebooks/ ' }
    };
    const body = shareBodyFromForm(form, RULES);
    expect(body.s3_uri).toBe('s3://team/notebooks/');
    expect(body.path).toBe('eda.ipynb');
    expect('id' in body).toBe(false);
  });

  it("places the server's s3_uri and path problems on their fields", () => {
    const form = filledForm();
    const errors = errorsOf([
      { loc: ['s3_uri'], msg: 'Choose where in S3 to upload the notebook.' },
      { loc: ['path'], msg: 'This is not a valid notebook: bad JSON' }
    ]);
    const placed = placeErrors(errors, visibleFields(form, RULES), {
      aliases: ALIASES
    });
    expect(placed.unplaced).toEqual([]);
    expect(placed.fields.get('notebook.s3_uri')).toBe(
      'Choose where in S3 to upload the notebook.'
    );
    expect(placed.fields.get('notebook.path')).toBe(
      'This is not a valid notebook: bad JSON'
    );
  });

  it('leaves Add notebook as it was: no path is sent', () => {
    const form = { ...filledForm(), notebook: { s3_uri: '' } };
    expect(bodyFromForm(form, RULES).notebook).toEqual({ s3_uri: '' });
    expect(visibleFields(form, RULES).has('notebook.path')).toBe(false);
  });

  it('has a wizard of its own per notebook', () => {
    expect(wizardId('notebook', undefined, 'a/b.ipynb')).toBe(
      'shared-models-wizard-share-a%2Fb.ipynb'
    );
    expect(wizardId('notebook')).toBe('shared-models-wizard-add-notebook');
  });
});

describe('saveEntry for "Share notebook…"', () => {
  it('posts to /notebooks/share and shows the request to the caller', async () => {
    const saved = makeEntry({ id: 'churn-analysis', kind: 'notebook' });
    const { settings, requests } = routedSettings({
      'POST notebooks/share': () => ({ status: 201, body: json(saved) })
    });
    const client = new SharedModelsClient({ serverSettings: settings });
    const onRequest = jest.fn();
    const outcome = await saveEntry(client, filledForm(), RULES, null, {
      onRequest
    });
    expect(outcome).toEqual({ status: 'saved', entry: saved });
    expect(onRequest).toHaveBeenCalledTimes(1);
    await expect(onRequest.mock.calls[0][0]).resolves.toEqual(saved);
    expect(requests).toHaveLength(1);
    expect(await requests[0].json()).toEqual(
      shareBodyFromForm(filledForm(), RULES)
    );
  });

  it('sorts a 400 into field problems', async () => {
    const { settings } = routedSettings({
      'POST notebooks/share': () => ({
        status: 400,
        body: json({
          error: {
            code: 'invalid',
            message: 'The request is not valid.',
            details: [{ loc: ['path'], msg: 'This is not a valid notebook.' }]
          }
        })
      })
    });
    const client = new SharedModelsClient({ serverSettings: settings });
    const outcome = await saveEntry(client, filledForm(), RULES);
    expect(outcome.status).toBe('invalid');
    if (outcome.status === 'invalid') {
      expect(outcome.details).toEqual([
        { loc: ['path'], msg: 'This is not a valid notebook.' }
      ]);
    }
  });
});

describe('the "Share notebook…" wizard', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function openShareWizard(routes: Parameters<typeof routedSettings>[0]) {
    const { settings, requests } = routedSettings({
      'GET options': () => ({ status: 200, body: json(OPTIONS) }),
      'GET id-suggestions': () => ({
        status: 200,
        body: json({ id: 'churn-analysis-2' })
      }),
      ...routes
    });
    const onSaved = jest.fn();
    const widget = createWizardWidget({
      client: new SharedModelsClient({ serverSettings: settings }),
      trans,
      kind: 'notebook',
      notebookPath: 'work/churn-analysis.ipynb',
      onSaved
    });
    Widget.attach(widget, document.body);
    return { widget, root: widget.node, requests, onSaved };
  }

  it('is prefilled from the file, asks the server for a free ID, and shares', async () => {
    const saved = makeEntry({
      id: 'churn-analysis-2',
      title: 'churn-analysis',
      kind: 'notebook'
    });
    const progress = jest.spyOn(Notification, 'promise');
    let body: Record<string, unknown> | null = null;
    const { widget, root, requests, onSaved } = openShareWizard({
      'POST notebooks/share': async request => {
        body = await request.json();
        return { status: 201, body: json(saved) };
      }
    });
    expect(widget.title.label).toBe('Share churn-analysis.ipynb');
    await waitFor(() => root.querySelector('form') !== null);
    expect(root.querySelector('h1')?.textContent).toBe('Share notebook');
    expect(byLabel(root, 'Title').value).toBe('churn-analysis');
    expect(byLabel(root, 'Notebook file').value).toBe(
      'work/churn-analysis.ipynb'
    );
    expect(byLabel(root, 'Notebook file').readOnly).toBe(true);
    expect(byLabel(root, 'S3 destination').value).toBe('');
    expect(
      button(root, 'Browse S3 for S3 destination').textContent?.trim()
    ).toBe('Browse');
    await waitFor(() => byLabel(root, 'ID').value === 'churn-analysis-2');
    expect(
      requests.some(
        r => r.url.includes('id-suggestions') && r.url.includes('kind=notebook')
      )
    ).toBe(true);

    choose(byLabel(root, 'Data type'), 'tabular');
    await waitFor(() => !byLabel<HTMLSelectElement>(root, 'ML task').disabled);
    choose(byLabel(root, 'ML task'), 'tabular-classification');
    choose(byLabel(root, 'Framework'), 'xgboost');
    await waitFor(() => byLabel(root, 'Framework').value === 'xgboost');
    button(root, 'Share notebook').click();
    await waitFor(() => onSaved.mock.calls.length === 1);
    expect(onSaved).toHaveBeenCalledWith(saved);
    expect(body).toMatchObject({
      path: 'work/churn-analysis.ipynb',
      id: 'churn-analysis-2',
      title: 'churn-analysis',
      data_type: 'tabular'
    });
    expect(body).not.toHaveProperty('s3_uri');
    // The progress is JupyterLab's notification.
    expect(progress).toHaveBeenCalledTimes(1);
    const [shared, messages] = progress.mock.calls[0];
    expect(messages.pending.message).toBe('Sharing work/churn-analysis.ipynb…');
    const title = await shared;
    expect(
      (messages.success.message as (value: unknown) => string)(title)
    ).toBe('Shared “churn-analysis”: find it under Shared by me.');
    progress.mockRestore();
  });

  it('shows "choose a destination" on the S3 destination field', async () => {
    const { root, onSaved } = openShareWizard({
      'POST notebooks/share': () => ({
        status: 400,
        body: json({
          error: {
            code: 'invalid',
            message: 'The request is not valid.',
            details: [
              {
                loc: ['s3_uri'],
                msg: 'Choose where in S3 to upload the notebook.'
              }
            ]
          }
        })
      })
    });
    await waitFor(() => root.querySelector('form') !== null);
    choose(byLabel(root, 'Data type'), 'text');
    await waitFor(() => !byLabel<HTMLSelectElement>(root, 'ML task').disabled);
    choose(byLabel(root, 'ML task'), 'text-classification');
    choose(byLabel(root, 'Framework'), 'pytorch');
    await waitFor(() => byLabel(root, 'Framework').value === 'pytorch');
    button(root, 'Share notebook').click();
    const destination = () => byLabel(root, 'S3 destination');
    await waitFor(() => destination().getAttribute('aria-invalid') === 'true');
    expect(describedError(destination())).toBe(
      'Choose where in S3 to upload the notebook.'
    );
    // The problem goes once the user gives a destination.
    type(destination(), 's3://team/notebooks/');
    await waitFor(() => destination().getAttribute('aria-invalid') === null);
    expect(onSaved).not.toHaveBeenCalled();
  });
});
