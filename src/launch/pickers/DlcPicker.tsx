import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { asApiError } from '../../common/errors';
import type { LaunchClient } from '../../api/launches';
import {
  dlcQuery,
  IDlcChoice,
  normalizeChoice,
  frameworksFor,
  processorsOf,
  pythonLabel,
  versionsOf
} from '../dlc';
import type {
  IDeepLearningContainers,
  IDlcImage,
  ImageScope,
  Processor
} from '../types';

export interface IDlcPickerProps {
  dlc: IDeepLearningContainers;
  scope: ImageScope;
  client: LaunchClient;
  /** The choice to start from (e.g. the field's current image). */
  initial: Partial<IDlcChoice>;
  /** The image URI of the current choice (null while unknown). */
  onValue: (uri: string | null) => void;
  idPrefix: string;
  trans: TranslationBundle;
}

type ImageState =
  | { status: 'loading' }
  | { status: 'ready'; image: IDlcImage }
  | { status: 'error'; message: string };

/**
 * Framework → version → CPU/GPU → Python; the region's image URI is built by
 * the server (`GET /dlc-image`) and shown as the choice changes.
 */
export function DlcPicker(props: IDlcPickerProps): JSX.Element {
  const { dlc, scope, client, initial, onValue, idPrefix, trans } = props;
  const [choice, setChoice] = React.useState<IDlcChoice | null>(() =>
    normalizeChoice(dlc, scope, initial)
  );
  const [image, setImage] = React.useState<ImageState>({ status: 'loading' });

  React.useEffect(() => {
    if (!choice) {
      onValue(null);
      return;
    }
    const abort = new AbortController();
    setImage({ status: 'loading' });
    onValue(null);
    client
      .dlcImage(dlcQuery(choice, scope), { signal: abort.signal })
      .then(found => {
        if (!abort.signal.aborted) {
          setImage({ status: 'ready', image: found });
          onValue(found.uri);
        }
      })
      .catch(reason => {
        if (!abort.signal.aborted) {
          setImage({ status: 'error', message: asApiError(reason).message });
        }
      });
    return () => abort.abort();
  }, [choice?.framework, choice?.version, choice?.processor, choice?.python]);

  if (!choice) {
    return (
      <p className="sme-Picker-note">
        {trans.__('No Deep Learning Containers are listed for this use.')}
      </p>
    );
  }
  const change = (patch: Partial<IDlcChoice>): void =>
    setChoice(normalizeChoice(dlc, scope, { ...choice, ...patch }));
  const versions = versionsOf(dlc, scope, choice.framework);
  const release = versions.find(item => item.version === choice.version);
  const processors = processorsOf(release);
  const processorLabel = (processor: Processor): string => {
    const cuda = release?.processors[processor]?.cuda;
    if (processor === 'gpu') {
      return cuda ? trans.__('GPU (CUDA %1)', cuda) : trans.__('GPU');
    }
    return trans.__('CPU');
  };
  const select = (
    key: keyof IDlcChoice,
    label: string,
    options: Array<{ id: string; label: string }>
  ): JSX.Element => (
    <div className="sme-Field">
      <label className="sme-Field-label" htmlFor={`${idPrefix}-${key}`}>
        {label}
      </label>
      <select
        id={`${idPrefix}-${key}`}
        className="sme-Select"
        value={choice[key]}
        onChange={event => change({ [key]: event.target.value })}
      >
        {options.map(option => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="sme-DlcPicker">
      <div className="sme-LaunchForm-row">
        {select(
          'framework',
          trans.__('Framework'),
          frameworksFor(dlc, scope).map(item => ({
            id: item.id,
            label: item.label
          }))
        )}
        {select(
          'version',
          trans.__('Version'),
          versions.map(item => ({ id: item.version, label: item.version }))
        )}
      </div>
      <div className="sme-LaunchForm-row">
        {select(
          'processor',
          trans.__('Processor'),
          processors.map(item => ({ id: item, label: processorLabel(item) }))
        )}
        {select(
          'python',
          trans.__('Python'),
          (release?.python ?? []).map(item => ({
            id: item,
            label: pythonLabel(item)
          }))
        )}
      </div>
      <div className="sme-Picker-preview" role="status">
        <p className="sme-Field-label">{trans.__('Image URI')}</p>
        {image.status === 'ready' ? (
          <code className="sme-Code sme-Picker-uri">{image.image.uri}</code>
        ) : image.status === 'error' ? (
          <p className="sme-Field-error">{image.message}</p>
        ) : (
          <p className="sme-Muted">
            <span className="sme-Spinner" aria-hidden="true" />
            {trans.__('Finding the image…')}
          </p>
        )}
      </div>
    </div>
  );
}
