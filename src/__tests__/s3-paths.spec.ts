import {
  breadcrumbs,
  formatSize,
  initialLocation,
  parentLocation,
  parseS3,
  relativeName
} from '../s3/paths';

describe('S3 locations', () => {
  it.each([
    ['s3://bucket/data/train/', { bucket: 'bucket', key: 'data/train/' }],
    ['s3://bucket', { bucket: 'bucket', key: '' }],
    ['  s3://bucket/x.csv ', { bucket: 'bucket', key: 'x.csv' }],
    ['s3:///key', null],
    ['https://bucket/key', null]
  ])('parses %j', (uri, expected) => {
    expect(parseS3(uri)).toEqual(expected);
  });

  it('makes the breadcrumb trail of a location: the bucket, then each folder', () => {
    expect(breadcrumbs(null)).toEqual([]);
    expect(breadcrumbs('s3://team/')).toEqual([
      { name: 'team', uri: 's3://team/' }
    ]);
    expect(breadcrumbs('s3://team/data/train/')).toEqual([
      { name: 'team', uri: 's3://team/' },
      { name: 'data', uri: 's3://team/data/' },
      { name: 'train', uri: 's3://team/data/train/' }
    ]);
    // A prefix typed without its "/" is the same place.
    expect(breadcrumbs('s3://team/data')).toEqual([
      { name: 'team', uri: 's3://team/' },
      { name: 'data', uri: 's3://team/data/' }
    ]);
  });

  it('keeps the empty folder names of keys with "//"', () => {
    expect(breadcrumbs('s3://team//raw/')).toEqual([
      { name: 'team', uri: 's3://team/' },
      { name: '', uri: 's3://team//' },
      { name: 'raw', uri: 's3://team//raw/' }
    ]);
  });

  it('goes up one level: folder → parent → bucket root → bucket list', () => {
    expect(parentLocation('s3://team/data/train/')).toBe('s3://team/data/');
    expect(parentLocation('s3://team/data/')).toBe('s3://team/');
    expect(parentLocation('s3://team/')).toBeNull();
    expect(parentLocation(null)).toBeNull();
  });

  it.each([
    ['', { location: null, highlight: null }],
    ['not a uri', { location: null, highlight: null }],
    ['s3://team', { location: 's3://team/', highlight: null }],
    [
      's3://team/data/train/',
      { location: 's3://team/data/train/', highlight: null }
    ],
    [
      's3://team/data/train/part-0.csv',
      {
        location: 's3://team/data/train/',
        highlight: 's3://team/data/train/part-0.csv'
      }
    ],
    ['s3://team/data', { location: 's3://team/', highlight: 's3://team/data' }]
  ])('opens the browser for the field value %j', (value, expected) => {
    expect(initialLocation(value)).toEqual(expected);
  });

  it('names objects relative to the listed prefix', () => {
    expect(relativeName('data/train/part-0.csv', 's3://team/data/train/')).toBe(
      'part-0.csv'
    );
    expect(relativeName('top.csv', 's3://team/')).toBe('top.csv');
  });

  it.each([
    [0, '0 B'],
    [27, '27 B'],
    [1536, '1.5 KB'],
    [1024 * 1024 * 250, '250 MB'],
    [1024 ** 3 * 3.25, '3.3 GB']
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatSize(bytes, 'en')).toBe(text);
  });
});
