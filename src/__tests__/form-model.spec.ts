import { ValidationClient } from '../api/validation';
import { FormModel, placeErrors, errorsOf } from '../common/form';
import { keywordRules } from '../wizard/keywords';
import { resolveEnvironment, ALIASES, visibleFields } from '../wizard/fields';
import { emptyForm } from '../wizard/form';
import type { IEntryForm } from '../wizard/form';
import { apiPath, ICanned, json, routedSettings, waitFor } from './helpers';
import { RULES } from './wizard-fixtures';

function invalid(
  details: Array<{ loc: Array<string | number>; msg: string }>
): ICanned {
  return {
    status: 400,
    body: json({ error: { code: 'invalid', message: 'Invalid', details } })
  };
}

interface IValue {
  name: string;
  uri: string;
}

const FIELDS = new Set(['name', 'uri']);

/** A form whose dry run is `POST /entries?dry_run=true` of a fake server. */
function checkedForm(
  route: (body: IValue) => ICanned | Promise<ICanned>,
  delay = 20
) {
  const { settings, requests } = routedSettings(async (url, request) => {
    expect(apiPath(url)).toBe('entries');
    expect(url.searchParams.get('dry_run')).toBe('true');
    return route(await request.clone().json());
  });
  const validation = new ValidationClient(settings);
  const form = new FormModel<IValue>({
    value: { name: '', uri: '' },
    fields: () => FIELDS,
    validate: (value, signal) =>
      validation.createEntry(value as never, { signal }),
    delay
  });
  return { form, requests };
}

describe('placeErrors', () => {
  it('puts errors on visible fields, moving up to the nearest one, the rest unplaced', () => {
    const errors = errorsOf([
      { loc: ['training', 'channels', 0, 'uri'], msg: 'bad uri' },
      { loc: ['training', 'channels', 3, 'uri'], msg: 'row gone' },
      { loc: ['training'], msg: 'only models train' },
      { loc: ['body', 'mystery'], msg: 'Extra inputs are not permitted' }
    ]);
    const visible = new Set([
      'training.enabled',
      'training.channels',
      'training.channels.0.uri'
    ]);
    const placed = placeErrors(errors, visible, {
      aliases: { training: 'training.enabled' }
    });
    expect(Object.fromEntries(placed.fields)).toEqual({
      'training.channels.0.uri': 'bad uri',
      'training.channels': 'row gone',
      'training.enabled': 'only models train'
    });
    expect(placed.unplaced).toEqual([
      { path: 'mystery', msg: 'Extra inputs are not permitted' }
    ]);
  });

  it('says which item a moved problem is about, when asked to', () => {
    const placed = placeErrors(
      errorsOf([{ loc: ['body', 'entrypoint', 1], msg: 'too long' }]),
      new Set(['entrypoint']),
      { describeMoved: true }
    );
    expect(placed.fields.get('entrypoint')).toBe('Item 2: too long');
  });

  it('resolves an environment variable named by key to its row', () => {
    const form: IEntryForm = emptyForm('model');
    form.training.enabled = true;
    form.training.environment = [{ name: 'MY VAR', value: 'x' }];
    const errors = errorsOf(
      [
        { loc: ['training', 'environment', 'MY VAR', '[key]'], msg: 'name' },
        { loc: ['training', 'environment', 'OTHER'], msg: 'gone' }
      ],
      loc => resolveEnvironment(loc, form)
    );
    const placed = placeErrors(errors, visibleFields(form, RULES), {
      aliases: ALIASES
    });
    expect(Object.fromEntries(placed.fields)).toEqual({
      'training.environment.0.name': 'name',
      'training.environment': 'gone'
    });
  });
});

describe('FormModel', () => {
  it('asks the server once typing pauses, and puts its details on the field typed in', async () => {
    const { form, requests } = checkedForm(body =>
      body.uri.startsWith('s3://')
        ? { status: 200, body: json({ ok: true }) }
        : invalid([
            { loc: ['uri'], msg: 'Must be an S3 URI starting with s3://' },
            { loc: ['name'], msg: 'Enter a name.' }
          ])
    );
    form.update({ uri: 's' });
    form.update({ uri: 's3' });
    form.update({ uri: 's3:/bad' });
    expect(form.checking).toBe(true);
    await waitFor(() => form.errorOf('uri') !== undefined);
    // Debounced: one request, for the last value.
    expect(requests).toHaveLength(1);
    expect(form.errorOf('uri')).toBe('Must be an S3 URI starting with s3://');
    // The untouched field's problem waits for a submit.
    expect(form.errorOf('name')).toBeUndefined();
    // Asked again before it blocks the submit (things change outside the form).
    expect(await form.submit()).toBe(false);
    expect(requests).toHaveLength(2);
    expect(form.errorOf('name')).toBe('Enter a name.');

    // A change drops that field's problem at once; the next verdict decides.
    form.update({ uri: 's3://bucket/data/' });
    expect(form.errorOf('uri')).toBeUndefined();
    expect(form.errorOf('name')).toBe('Enter a name.');
    await waitFor(() => !form.checking);
    expect(form.errors.size).toBe(0);
    expect(await form.submit()).toBe(true);
    form.dispose();
  });

  it('lets the newest request win: an older answer is aborted and ignored', async () => {
    const answers: Array<(answer: ICanned) => void> = [];
    const { form, requests } = checkedForm(
      () => new Promise<ICanned>(resolve => answers.push(resolve)),
      5
    );
    form.update({ name: 'first' });
    await waitFor(() => requests.length === 1);
    form.update({ name: 'second' });
    await waitFor(() => requests.length === 2);
    expect(requests[0].signal.aborted).toBe(true);
    answers[1]({ status: 200, body: json({ ok: true }) });
    await waitFor(() => !form.checking);
    // The first request's (late) verdict changes nothing.
    answers[0](invalid([{ loc: ['name'], msg: 'stale verdict' }]));
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(form.errorOf('name')).toBeUndefined();
    form.dispose();
  });

  it('keeps a save’s problems until their field changes; unplaced ones after a submit', async () => {
    const form = new FormModel<IValue>({
      value: { name: 'x', uri: '' },
      fields: () => FIELDS
    });
    const changed = jest.fn();
    form.changed.connect(changed);
    expect(await form.submit()).toBe(true);
    form.showFailure(
      Object.assign(new Error('2 fields are invalid'), {
        name: 'ApiError'
      })
    );
    expect(form.general).toEqual(['2 fields are invalid']);
    form.setServerErrors([
      { loc: ['name'], msg: 'taken' },
      { loc: ['mystery'], msg: 'Extra inputs are not permitted' }
    ]);
    expect(form.errorOf('name')).toBe('taken');
    expect(form.summary).toContain('mystery: Extra inputs are not permitted');
    // A request's own 400 does not block sending again.
    expect(await form.submit()).toBe(true);
    form.update({ uri: 's3://b/' });
    expect(form.errorOf('name')).toBe('taken');
    form.update({ name: 'y' });
    expect(form.errorOf('name')).toBeUndefined();
    expect(changed).toHaveBeenCalled();
    form.dispose();
  });

  it('says why the server could not check, without blocking', async () => {
    const { form } = checkedForm(() => ({
      status: 503,
      body: json({
        error: { code: 'unavailable', message: 'No AWS credentials.' }
      })
    }));
    await form.checkNow();
    expect(form.checkFailure).toBe('No AWS credentials.');
    expect(await form.submit()).toBe(true);
    form.dispose();
  });
});

describe('keyword previews from the served rules', () => {
  const rules = keywordRules({
    ...RULES,
    keywords: {
      separator_pattern: '[\\u0009-\\u000d\\u0020\\u002c\\u00a0\\u3000]',
      max_count: 50,
      max_length: 255
    }
  });

  it('splits, strips, lowercases and de-duplicates', () => {
    expect(rules.normalize('churn xgboost,Tabular, churn\u3000x')).toEqual([
      'churn',
      'xgboost',
      'tabular',
      'x'
    ]);
    expect(rules.format(' , a,,B ')).toBe('a, b');
  });

  it('turns spaces into commas as the user types', () => {
    expect(rules.spacesToCommas('churn xgboost')).toBe('churn, xgboost');
    expect(rules.spacesToCommas(' churn ,  x')).toBe('churn, x');
    expect(rules.spacesToCommas('a,,b')).toBe('a,,b');
    expect(rules.spacesToCommas(rules.spacesToCommas('a \t b'))).toBe('a, b');
  });

  it('leaves the text as typed without served rules', () => {
    const none = keywordRules(undefined);
    expect(none.spacesToCommas('a b')).toBe('a b');
  });
});
