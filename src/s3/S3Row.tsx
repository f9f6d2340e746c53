import type { TranslationBundle } from '@jupyterlab/translation';
import { fileIcon, folderIcon, notebookIcon } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { IS3Item, S3BrowserModel } from './browserModel';
import { formatSize } from './paths';
import { absoluteTime } from '../common/time';

/** One row of the S3 browser: a bucket, a folder or an object. */
export function S3Row(props: {
  id: string;
  item: IS3Item;
  active: boolean;
  locale?: string;
  trans: TranslationBundle;
  onClick: () => void;
  onDoubleClick: () => void;
}): JSX.Element {
  const { id, item, active, locale, trans } = props;
  const Icon =
    item.kind !== 'object'
      ? folderIcon
      : item.name.toLowerCase().endsWith('.ipynb')
        ? notebookIcon
        : fileIcon;
  const kind =
    item.kind === 'bucket'
      ? trans.__('Bucket')
      : item.kind === 'folder'
        ? trans.__('Folder')
        : null;
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={`sme-S3Browser-item sme-mod-${item.kind}${active ? ' sme-mod-active' : ''}`}
      onClick={props.onClick}
      onDoubleClick={props.onDoubleClick}
    >
      <Icon.react
        tag="span"
        className="sme-S3Browser-icon"
        aria-hidden="true"
      />
      <span className="sme-S3Browser-name">
        {item.kind === 'folder' ? `${item.name}/` : item.name}
      </span>
      {kind ? (
        <span className="sme-S3Browser-meta">{kind}</span>
      ) : (
        <>
          <span className="sme-S3Browser-meta">
            {formatSize(item.size ?? 0, locale)}
          </span>
          <span className="sme-S3Browser-meta sme-S3Browser-date">
            {item.lastModified ? absoluteTime(item.lastModified, locale) : ''}
          </span>
        </>
      )}
    </li>
  );
}

/** The browser's status line: loading, empty, how many rows, whether there are more. */
export function statusText(
  model: S3BrowserModel,
  trans: TranslationBundle,
  locale?: string
): string {
  const { location, status, items, nextCursor, loadingMore } = model.state;
  if (status === 'loading') {
    return location === null
      ? trans.__('Loading the buckets…')
      : trans.__('Loading %1…', location);
  }
  if (status === 'error') {
    return '';
  }
  if (items.length === 0) {
    return location === null
      ? trans.__('No buckets: these AWS credentials can list none.')
      : trans.__('Nothing here yet.');
  }
  const count = items.length.toLocaleString(locale);
  if (loadingMore) {
    return trans.__('%1 items shown; loading more…', count);
  }
  return nextCursor !== null
    ? trans.__('%1 items shown; there are more in S3.', count)
    : trans._n('%2 item', '%2 items', items.length, count);
}
