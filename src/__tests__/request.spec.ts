import { ServerConnection } from '@jupyterlab/services';

import { ApiError, requestAPI } from '../api/request';
import { cannedSettings, json, rejectionOf } from './helpers';

describe('requestAPI', () => {
  it('calls <base_url>/shared-models/api/<endpoint> with the token', async () => {
    const { settings, requests } = cannedSettings({
      status: 200,
      body: json({ username: 'alice', display_name: 'Alice' })
    });

    await requestAPI('entries?scope=mine', { method: 'GET' }, settings);

    expect(requests).toHaveLength(1);
    const url = new URL(requests[0].url);
    expect(url.pathname).toBe('/lab-base/shared-models/api/entries');
    expect(url.searchParams.get('scope')).toBe('mine');
    expect(requests[0].method).toBe('GET');
    expect(requests[0].headers.get('Authorization')).toBe('token secret-token');
  });

  it.each([
    [
      'a JSON object',
      { status: 200, body: json({ username: 'alice', display_name: 'A' }) },
      { username: 'alice', display_name: 'A' }
    ],
    ['a JSON list', { status: 200, body: json([1, 'two']) }, [1, 'two']],
    [
      'a 201 with the created entry',
      { status: 201, body: json({ id: 'churn-xgboost', version: 1 }) },
      { id: 'churn-xgboost', version: 1 }
    ],
    ['a 204 (no content) as undefined', { status: 204 }, undefined],
    ['an empty 200 as undefined', { status: 200, body: '' }, undefined]
  ])('resolves %s', async (_name, answer, expected) => {
    const { settings } = cannedSettings(answer);
    await expect(requestAPI('x', {}, settings)).resolves.toEqual(expected);
  });

  it.each([
    [
      'the API error shape with details',
      {
        status: 400,
        body: json({
          error: {
            code: 'invalid',
            message: 'The entry is not valid.',
            details: [
              { loc: ['training', 'channels', 0, 'uri'], msg: 'Not an S3 URI' },
              { loc: ['title'], msg: 'Field required' }
            ]
          }
        })
      },
      {
        status: 400,
        code: 'invalid',
        message: 'The entry is not valid.',
        details: [
          { loc: ['training', 'channels', 0, 'uri'], msg: 'Not an S3 URI' },
          { loc: ['title'], msg: 'Field required' }
        ]
      }
    ],
    [
      'a 409 conflict without details',
      {
        status: 409,
        body: json({
          error: { code: 'conflict', message: 'The ID churn is taken.' }
        })
      },
      {
        status: 409,
        code: 'conflict',
        message: 'The ID churn is taken.',
        details: []
      }
    ],
    [
      'a 502 upstream error carrying the AWS message',
      {
        status: 502,
        body: json({
          error: {
            code: 'upstream',
            message:
              'AccessDenied: not authorized to perform CreateTrainingJob',
            details: []
          }
        })
      },
      {
        status: 502,
        code: 'upstream',
        message: 'AccessDenied: not authorized to perform CreateTrainingJob',
        details: []
      }
    ],
    [
      "jupyter-server's own JSON error (403)",
      {
        status: 403,
        statusText: 'Forbidden',
        body: json({
          message: "'_xsrf' argument missing from POST",
          reason: null
        })
      },
      {
        status: 403,
        code: 'forbidden',
        message: "'_xsrf' argument missing from POST",
        details: []
      }
    ],
    [
      'malformed details, keeping what is usable',
      {
        status: 400,
        body: json({
          error: {
            code: 'invalid',
            message: 'Bad input.',
            details: [{ loc: ['a', { nested: true }, 2], msg: 7 }, 'junk']
          }
        })
      },
      {
        status: 400,
        code: 'invalid',
        message: 'Bad input.',
        details: [{ loc: ['a', 2], msg: '7' }]
      }
    ]
  ])('rejects %s as an ApiError', async (_name, answer, expected) => {
    const { settings } = cannedSettings(answer);
    const error = await rejectionOf(requestAPI('x', {}, settings));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect({
      status: error.status,
      code: error.code,
      message: error.message,
      details: error.details
    }).toEqual(expected);
  });

  it.each([
    [
      502,
      'Bad Gateway',
      '<html><body><h1>502 Bad Gateway</h1></body></html>',
      'upstream',
      'The server could not answer (HTTP 502 Bad Gateway). Try again later.'
    ],
    [
      404,
      'Not Found',
      '<html><title>404 : Not Found</title></html>',
      'not_found',
      'Not found (HTTP 404 Not Found). Is the shared_models_ext server extension enabled?'
    ],
    [
      503,
      '',
      '',
      'unavailable',
      'The server could not answer (HTTP 503). Try again later.'
    ],
    [
      418,
      "I'm a teapot",
      'short and stout',
      'http_418',
      "The request failed (HTTP 418 I'm a teapot)."
    ]
  ])(
    'turns a non-JSON %i body into a readable ApiError',
    async (status, statusText, body, code, message) => {
      const { settings } = cannedSettings({
        status,
        statusText,
        body,
        contentType: 'text/html'
      });
      const error = await rejectionOf(requestAPI('x', {}, settings));
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      expect(error.message).toBe(message);
      expect(error.message).not.toContain('<');
      expect(error.details).toEqual([]);
    }
  );

  it('rejects a successful answer that is not JSON', async () => {
    const { settings } = cannedSettings({
      status: 200,
      body: '<html>login page</html>',
      contentType: 'text/html'
    });
    const error = await rejectionOf(requestAPI('x', {}, settings));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe(ApiError.INVALID_RESPONSE_CODE);
    expect(error.status).toBe(200);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    const settings = ServerConnection.makeSettings({
      baseUrl: 'http://localhost:8888/',
      fetch: (() =>
        Promise.reject(
          new TypeError('Failed to fetch')
        )) as unknown as typeof window.fetch
    });
    const error = await rejectionOf(requestAPI('me', {}, settings));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe(ApiError.NETWORK_CODE);
    expect(error.message).toBe(
      'Cannot reach the Jupyter server: Failed to fetch'
    );
  });
});
