import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { RelativeTime } from '../../common/RelativeTime';
import { asApiError } from '../../common/errors';
import type { LaunchClient } from '../../api/launches';
import { formatBytes } from '../format';
import type { IEcrImage, IEcrImageList, IEcrRepositoryList } from '../types';
import { ChoiceList } from './ChoiceList';

const ECR_URI =
  /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([^:@\s]+)(?:[:@].*)?$/;

/** The repository of an ECR image URI (`…/team/churn:1.4` → `team/churn`). */
export function repositoryOfUri(uri: string): string | null {
  return ECR_URI.exec(uri.trim())?.[1] ?? null;
}

export interface IEcrPickerProps {
  client: LaunchClient;
  /** Open this repository's images first, when it is listed (the field's image). */
  initialRepository?: string | null;
  onValue: (uri: string | null) => void;
  onPick: (uri: string) => void;
  idPrefix: string;
  locale?: string;
  trans: TranslationBundle;
}

type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; message: string };

/** Your ECR repositories, then the images (tags) of the one you open. */
export function EcrPicker(props: IEcrPickerProps): JSX.Element {
  const { client, onValue, onPick, idPrefix, locale, trans } = props;
  const [repository, setRepository] = React.useState<string | null>(null);
  const [repositories, setRepositories] = React.useState<
    Loaded<IEcrRepositoryList>
  >({ status: 'loading' });
  const [images, setImages] = React.useState<Loaded<IEcrImageList>>({
    status: 'loading'
  });
  const [selected, setSelected] = React.useState<string | null>(null);

  React.useEffect(() => {
    const abort = new AbortController();
    client
      .ecrRepositories({ signal: abort.signal })
      .then(value => {
        setRepositories({ status: 'ready', value });
        // Open the field's repository, when it is one of these.
        const initial = props.initialRepository;
        if (initial && value.repositories.some(item => item.name === initial)) {
          setRepository(initial);
        }
      })
      .catch(reason => {
        if (!abort.signal.aborted) {
          setRepositories({
            status: 'error',
            message: asApiError(reason).message
          });
        }
      });
    return () => abort.abort();
  }, []);

  React.useEffect(() => {
    setSelected(null);
    onValue(null);
    if (!repository) {
      return;
    }
    const abort = new AbortController();
    setImages({ status: 'loading' });
    client
      .ecrImages(repository, { signal: abort.signal })
      .then(value => setImages({ status: 'ready', value }))
      .catch(reason => {
        if (!abort.signal.aborted) {
          setImages({ status: 'error', message: asApiError(reason).message });
        }
      });
    return () => abort.abort();
  }, [repository]);

  if (repository) {
    return (
      <div className="sme-Picker">
        <div className="sme-Picker-crumbs">
          <button
            type="button"
            className="sme-LinkButton"
            onClick={() => setRepository(null)}
          >
            {trans.__('All repositories')}
          </button>
          <span aria-hidden="true"> / </span>
          <span className="sme-Picker-name">{repository}</span>
        </div>
        <div
          className="sme-Picker-list"
          aria-busy={images.status === 'loading'}
        >
          {images.status === 'loading' ? (
            <p className="sme-Picker-note" role="status">
              <span className="sme-Spinner" aria-hidden="true" />
              {trans.__('Loading images…')}
            </p>
          ) : images.status === 'error' ? (
            <p className="sme-Field-error" role="alert">
              {images.message}
            </p>
          ) : images.value.images.length === 0 ? (
            <p className="sme-Picker-note" role="status">
              {trans.__('This repository has no images.')}
            </p>
          ) : (
            <ChoiceList<IEcrImage>
              label={trans.__('Images of %1', repository)}
              name={`${idPrefix}-image`}
              items={images.value.images}
              keyOf={image => image.uri}
              selected={selected}
              onSelect={image => {
                setSelected(image.uri);
                onValue(image.uri);
              }}
              onPick={image => onPick(image.uri)}
              render={image => (
                <>
                  <span className="sme-Picker-itemTitle">
                    <span className="sme-Picker-name">
                      {image.tag ?? trans.__('untagged')}
                    </span>
                    {image.pushed_at ? (
                      <RelativeTime
                        value={image.pushed_at}
                        locale={locale}
                        format={relative => trans.__('pushed %1', relative)}
                      />
                    ) : null}
                    {image.size_bytes !== null ? (
                      <span className="sme-Muted">
                        {formatBytes(image.size_bytes, locale)}
                      </span>
                    ) : null}
                  </span>
                  <code className="sme-Picker-uri">{image.uri}</code>
                </>
              )}
            />
          )}
        </div>
        {images.status === 'ready' && images.value.truncated ? (
          <p className="sme-Picker-note">
            {trans.__('Only the newest images are listed.')}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="sme-Picker">
      <div
        className="sme-Picker-list"
        aria-busy={repositories.status === 'loading'}
      >
        {repositories.status === 'loading' ? (
          <p className="sme-Picker-note" role="status">
            <span className="sme-Spinner" aria-hidden="true" />
            {trans.__('Loading repositories…')}
          </p>
        ) : repositories.status === 'error' ? (
          <p className="sme-Field-error" role="alert">
            {repositories.message}
          </p>
        ) : repositories.value.repositories.length === 0 ? (
          <p className="sme-Picker-note" role="status">
            {trans.__('No ECR repositories in this account and region.')}
          </p>
        ) : (
          <ul
            className="sme-Picker-repositories"
            aria-label={trans.__('ECR repositories')}
          >
            {repositories.value.repositories.map(item => (
              <li key={item.name}>
                <button
                  type="button"
                  className="sme-Picker-repository"
                  onClick={() => setRepository(item.name)}
                >
                  <span className="sme-Picker-name">{item.name}</span>
                  <code className="sme-Picker-uri">{item.uri}</code>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {repositories.status === 'ready' && repositories.value.truncated ? (
        <p className="sme-Picker-note">
          {trans.__('Only the first repositories are listed.')}
        </p>
      ) : null}
    </div>
  );
}
