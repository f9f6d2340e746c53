import { SharedModelsClient } from '../api/catalog';
import { apiPath, json, routedSettings } from './helpers';

/** A client whose every request answers `body`; the requests are recorded. */
function client(body: unknown = {}, status = 200) {
  const { settings, requests } = routedSettings(() => ({
    status,
    body: json(body)
  }));
  return {
    api: new SharedModelsClient({ serverSettings: settings }),
    requests
  };
}

describe('SharedModelsClient: S3, notebooks and dataset checks', () => {
  it('lists buckets and prefixes, with no cache-busting parameter', async () => {
    const { api, requests } = client({ buckets: [] });
    await api.listBuckets();
    await api.listS3('s3://team/data/', { cursor: 'c2', limit: 200 });
    await api.listS3('s3://team/');
    await api.s3Exists('s3://team/data/x.csv');
    const urls = requests.map(request => new URL(request.url));
    expect(urls.map(apiPath)).toEqual(['s3', 's3', 's3', 's3/exists']);
    expect(urls.map(url => [...url.searchParams.keys()])).toEqual([
      [],
      ['uri', 'cursor', 'limit'],
      ['uri'],
      ['uri']
    ]);
    expect(urls[1].searchParams.get('uri')).toBe('s3://team/data/');
    expect(urls[1].searchParams.get('cursor')).toBe('c2');
    expect(urls[1].searchParams.get('limit')).toBe('200');
    expect(requests.every(request => request.method === 'GET')).toBe(true);
  });

  it('asks for an ID suggestion with its two parameters only', async () => {
    // The server refuses unknown query parameters, such as the timestamp
    // JupyterLab appends to GET requests under its default `no-store`.
    const { api, requests } = client({ id: 'churn-2' });
    await expect(api.suggestId('Churn', 'notebook')).resolves.toBe('churn-2');
    const url = new URL(requests[0].url);
    expect([...url.searchParams.keys()]).toEqual(['title', 'kind']);
  });

  it('shares a workspace notebook', async () => {
    const { api, requests } = client({ id: 'eda' }, 201);
    await api.shareNotebook({
      path: 'work/eda.ipynb',
      s3_uri: 's3://team/notebooks/',
      title: 'EDA',
      description: '',
      data_type: 'tabular',
      task: 'tabular-classification',
      framework: 'scikit-learn',
      keywords: ['eda'],
      share: { organization: true, users: [], canvas_users: [] }
    });
    expect(requests[0].method).toBe('POST');
    expect(apiPath(new URL(requests[0].url))).toBe('notebooks/share');
    expect(await requests[0].json()).toMatchObject({
      path: 'work/eda.ipynb',
      s3_uri: 's3://team/notebooks/'
    });
  });

  it('opens a shared notebook into a workspace folder', async () => {
    const { api, requests } = client({ path: 'a/eda-1.ipynb' }, 201);
    await expect(api.openNotebook('eda', 'a')).resolves.toEqual({
      path: 'a/eda-1.ipynb'
    });
    await api.openNotebook('odd id');
    expect(requests.map(request => apiPath(new URL(request.url)))).toEqual([
      'entries/eda/open',
      'entries/odd%20id/open'
    ]);
    expect(await requests[0].json()).toEqual({ directory: 'a' });
    expect(await requests[1].json()).toEqual({ directory: '' });
  });

  it('checks datasets before and after an entry exists', async () => {
    const { api, requests } = client({ ok: true });
    await api.checkDatasets({
      training_data_uri: 's3://b/train/',
      validation_data_uri: 's3://b/valid/'
    });
    await api.checkEntryDatasets('churn');
    expect(requests.map(request => apiPath(new URL(request.url)))).toEqual([
      'validation-check',
      'entries/churn/validation-check'
    ]);
    expect(requests.every(request => request.method === 'POST')).toBe(true);
    expect(await requests[0].json()).toEqual({
      training_data_uri: 's3://b/train/',
      validation_data_uri: 's3://b/valid/'
    });
  });
});
