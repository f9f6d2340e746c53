import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import {
  FormField,
  FormProblems,
  FormStatus
} from '../launch/components/FormField';
import type { FormModel } from '../common/form';
import { useSignal } from '../launch/components/hooks';
import type { IEntry } from '../api/types';
import { HUB_KEYS, IHubFormValue } from './hubForm';
import type { HubList } from './hubList';
import type { IHub } from './types';

export interface IHubFormProps {
  entry: IEntry;
  state: FormModel<IHubFormValue>;
  hubs: HubList;
  /** Prefix of the element ids (unique per dialog). */
  idPrefix: string;
  trans: TranslationBundle;
}

/**
 * The Publish to hub… form: the account's private hubs as radio buttons
 * (paged: Load more hubs), and "Create a new hub" with its fields.
 */
export function HubForm(props: IHubFormProps): JSX.Element {
  const { entry, state, hubs, idPrefix, trans } = props;
  useSignal(state.changed);
  useSignal(hubs.changed);
  const value = state.value;
  const disabled = state.busy;
  const id = (key: string): string => `${idPrefix}-${key}`;
  const list = hubs.state;

  const text = (
    key: 'new_name' | 'new_description' | 'new_display_name' | 'new_keywords',
    extra: React.InputHTMLAttributes<HTMLInputElement> = {}
  ): JSX.Element => (
    <input
      type="text"
      className="sme-Input"
      value={value[key]}
      disabled={disabled}
      spellCheck={false}
      autoComplete="off"
      onChange={event =>
        state.update({ [key]: event.target.value }, [HUB_KEYS[key]])
      }
      onBlur={() => state.touch(HUB_KEYS[key])}
      {...extra}
    />
  );
  const choose = (hub: IHub | null): void => {
    state.update(
      hub ? { hub_name: hub.name, create: false } : { create: true },
      [HUB_KEYS.hub_name]
    );
  };
  const hubError = state.errorOf(HUB_KEYS.hub_name);
  const hubErrorId = id('hub-error');

  return (
    <div className="sme-LaunchForm sme-DestinationForm sme-HubForm">
      <p className="sme-DestinationForm-intro">
        {entry.kind === 'model'
          ? trans.__(
              'Publishes “%1” as model content of a SageMaker private hub, for SageMaker Studio users. Publishing again adds a new version.',
              entry.title
            )
          : trans.__(
              'Publishes “%1” as notebook content of a SageMaker private hub, for SageMaker Studio users. Publishing again adds a new version.',
              entry.title
            )}
      </p>
      <fieldset
        className={`sme-DestinationForm-group sme-HubForm-hubs${hubError ? ' sme-mod-invalid' : ''}`}
        aria-describedby={hubError ? hubErrorId : undefined}
      >
        <legend>{trans.__('Hub')}</legend>
        {list.status === 'loading' ? (
          <p className="sme-Muted" role="status">
            <span className="sme-Spinner" aria-hidden="true" />
            {trans.__('Loading hubs…')}
          </p>
        ) : null}
        {list.status === 'error' ? (
          <div className="sme-HubForm-error" role="alert">
            <p>
              {trans.__(
                'Could not list the hubs: %1',
                list.error?.message ?? ''
              )}
            </p>
            <button
              type="button"
              className="sme-Button sme-mod-small"
              onClick={() => void hubs.retry()}
            >
              {trans.__('Retry')}
            </button>
          </div>
        ) : null}
        {list.status === 'ready' && hubs.hubs.length === 0 ? (
          <p className="sme-Muted">
            {trans.__('This account has no private hub yet: create one.')}
          </p>
        ) : null}
        <ul className="sme-HubForm-list">
          {hubs.hubs.map(hub => (
            <li key={hub.name}>
              <label className="sme-HubForm-choice">
                <input
                  type="radio"
                  name={id('hub')}
                  value={hub.name}
                  checked={!value.create && value.hub_name === hub.name}
                  disabled={disabled}
                  onChange={() => choose(hub)}
                />
                <span className="sme-HubForm-name">
                  {hub.display_name || hub.name}
                </span>
                {hub.display_name && hub.display_name !== hub.name ? (
                  <code className="sme-HubForm-id">{hub.name}</code>
                ) : null}
                <span className="sme-Muted sme-HubForm-status">
                  {hub.status}
                </span>
              </label>
            </li>
          ))}
          <li>
            <label className="sme-HubForm-choice">
              <input
                type="radio"
                name={id('hub')}
                value=""
                checked={value.create}
                disabled={disabled}
                onChange={() => choose(null)}
              />
              <span className="sme-HubForm-name">{trans.__('Create hub')}</span>
            </label>
          </li>
        </ul>
        {list.moreError ? (
          <p className="sme-Field-error" role="alert">
            {list.moreError.message}
          </p>
        ) : null}
        {list.nextCursor !== null ? (
          <button
            type="button"
            className="sme-Button sme-mod-small"
            disabled={!hubs.canLoadMore}
            onClick={() => void hubs.loadMore()}
          >
            {list.loadingMore
              ? trans.__('Loading…')
              : trans.__('Load more hubs')}
          </button>
        ) : null}
        {hubError ? (
          <p id={hubErrorId} className="sme-Field-error">
            {hubError}
          </p>
        ) : null}
      </fieldset>
      {value.create ? (
        <fieldset className="sme-DestinationForm-group">
          <legend>{trans.__('New hub')}</legend>
          <FormField
            id={id('new_name')}
            label={trans.__('Hub name')}
            error={state.errorOf(HUB_KEYS.new_name)}
            required
          >
            {text('new_name', { className: 'sme-Input sme-mod-code' })}
          </FormField>
          <FormField
            id={id('new_description')}
            label={trans.__('Hub description')}
            error={state.errorOf(HUB_KEYS.new_description)}
            required
          >
            {text('new_description')}
          </FormField>
          <FormField
            id={id('new_display_name')}
            label={trans.__('Display name')}
            error={state.errorOf(HUB_KEYS.new_display_name)}
          >
            {text('new_display_name')}
          </FormField>
          <FormField
            id={id('new_keywords')}
            label={trans.__('Search keywords')}
            hint={trans.__('Optional; spaces or commas between.')}
            error={state.errorOf(HUB_KEYS.new_keywords)}
          >
            {text('new_keywords')}
          </FormField>
        </fieldset>
      ) : null}
      <FormProblems problems={state.summary} />
      <FormStatus busy={state.busy} text={state.status} />
    </div>
  );
}
