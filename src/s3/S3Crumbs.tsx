import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { breadcrumbs } from './paths';

/**
 * Where the S3 browser is: "All buckets", the bucket, each folder; each a
 * button that goes there. The last one is the current location.
 */
export function S3Crumbs(props: {
  location: string | null;
  onOpen: (location: string | null) => void;
  trans: TranslationBundle;
}): JSX.Element {
  const { location, onOpen, trans } = props;
  const crumbs = breadcrumbs(location);
  return (
    <nav className="sme-S3Browser-crumbs" aria-label={trans.__('S3 location')}>
      <ol>
        <li>
          <button
            type="button"
            className="sme-S3Browser-crumb"
            aria-current={location === null ? 'location' : undefined}
            onClick={() => onOpen(null)}
          >
            {trans.__('All buckets')}
          </button>
        </li>
        {crumbs.map((crumb, index) => (
          <li key={crumb.uri}>
            <span className="sme-S3Browser-separator" aria-hidden="true">
              /
            </span>
            <button
              type="button"
              className="sme-S3Browser-crumb"
              aria-current={
                index === crumbs.length - 1 ? 'location' : undefined
              }
              title={crumb.uri}
              onClick={() => onOpen(crumb.uri)}
            >
              {crumb.name === '' ? trans.__('(no name)') : crumb.name}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
