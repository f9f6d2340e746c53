import type { TranslationBundle } from '@jupyterlab/translation';
import { Button, UseSignal } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { Loadable, SharedModelsModel } from './model';
import type { IMe } from '../api/types';

export interface IUserStatusProps {
  /** The signed-in user, as loaded by the model. */
  me: Loadable<IMe>;
  /** Load the user again (after an error). */
  onRetry: () => void;
  /** The extension's translation bundle. */
  trans: TranslationBundle;
}

/** Who the catalog thinks you are: loading, signed in, or why it failed. */
export function UserStatus(props: IUserStatusProps): JSX.Element {
  const { me, onRetry, trans } = props;

  if (me.status === 'loading') {
    return (
      <p className="sme-UserStatus sme-mod-loading" role="status">
        {trans.__('Loading your account…')}
      </p>
    );
  }

  if (me.status === 'error') {
    return (
      <div className="sme-UserStatus sme-mod-error" role="alert">
        <p className="sme-UserStatus-title">
          {trans.__('Could not load your account.')}
        </p>
        <p className="sme-UserStatus-message">{me.error.message}</p>
        <Button className="sme-UserStatus-retry" small onClick={onRetry}>
          {trans.__('Retry')}
        </Button>
      </div>
    );
  }

  const { username, display_name: displayName } = me.value;
  return (
    <p className="sme-UserStatus" role="status">
      {trans.__('Signed in as')}{' '}
      <strong className="sme-UserStatus-name">{displayName || username}</strong>
      {displayName && displayName !== username ? (
        <span className="sme-UserStatus-username"> ({username})</span>
      ) : null}
    </p>
  );
}

export interface IUserSectionProps {
  model: SharedModelsModel;
  trans: TranslationBundle;
}

/** `UserStatus` bound to the panel model: re-renders when the model changes. */
export function UserSection(props: IUserSectionProps): JSX.Element {
  const { model, trans } = props;
  return (
    <UseSignal signal={model.stateChanged} initialSender={model}>
      {() => (
        <UserStatus
          me={model.me}
          onRetry={() => void model.refreshMe()}
          trans={trans}
        />
      )}
    </UseSignal>
  );
}
