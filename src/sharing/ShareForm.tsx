import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { IEntry, IShare } from '../api/types';

/** At most this many SageMaker Canvas users per share. */
export const MAX_CANVAS_USERS = 23;

/** At most this many named users per share (the server's limit). */
export const MAX_SHARED_USERS = 100;

/** User names from free text: split on commas and white space, each once. */
export function parseUserList(text: string): string[] {
  const names = text
    .split(/[\s,;]+/)
    .map(name => name.trim())
    .filter(name => name !== '');
  return [...new Set(names)];
}

/** Whether an entry may be shared with Canvas users: tabular models only. */
export function canShareWithCanvas(
  entry: Pick<IEntry, 'kind' | 'data_type'>
): boolean {
  return entry.kind === 'model' && entry.data_type === 'tabular';
}

/** What the form holds: the texts as typed. */
export interface IShareFormValue {
  organization: boolean;
  users: string;
  canvasUsers: string;
}

/** The form's value of a share. */
export function toFormValue(share: IShare): IShareFormValue {
  return {
    organization: share.organization,
    users: share.users.join(', '),
    canvasUsers: share.canvas_users.join(', ')
  };
}

/**
 * The share a form value stands for, or the problems that stop it. The
 * owner is never listed (they always see their entries).
 */
export function toShare(
  value: IShareFormValue,
  entry: Pick<IEntry, 'kind' | 'data_type' | 'owner'>,
  trans: TranslationBundle
): { share: IShare; problems: string[] } {
  const users = parseUserList(value.users).filter(user => user !== entry.owner);
  const canvasUsers = canShareWithCanvas(entry)
    ? parseUserList(value.canvasUsers)
    : [];
  const problems: string[] = [];
  if (users.length > MAX_SHARED_USERS) {
    problems.push(
      trans.__(
        'Share with at most %1 people (%2 given).',
        MAX_SHARED_USERS,
        users.length
      )
    );
  }
  if (canvasUsers.length > MAX_CANVAS_USERS) {
    problems.push(
      trans.__(
        'Share with at most %1 Canvas users (%2 given).',
        MAX_CANVAS_USERS,
        canvasUsers.length
      )
    );
  }
  return {
    share: {
      organization: value.organization,
      users,
      canvas_users: canvasUsers
    },
    problems
  };
}

export interface IShareFormProps {
  entry: Pick<IEntry, 'kind' | 'data_type' | 'id'>;
  initial: IShareFormValue;
  /** Why the last attempt was refused, if it was. */
  problems: ReadonlyArray<string>;
  /** Called with every change (the dialog reads the latest value). */
  onChange: (value: IShareFormValue) => void;
  trans: TranslationBundle;
}

/** The body of the Share… dialog: organization, people, Canvas users. */
export function ShareForm(props: IShareFormProps): JSX.Element {
  const { entry, initial, problems, onChange, trans } = props;
  const [value, setValue] = React.useState(initial);
  const canvas = canShareWithCanvas(entry);
  const id = `sme-share-${entry.id}`;

  const update = (change: Partial<IShareFormValue>): void => {
    const next = { ...value, ...change };
    setValue(next);
    onChange(next);
  };

  return (
    <div className="sme-ShareForm">
      {problems.length > 0 ? (
        <ul className="sme-ShareForm-problems" role="alert">
          {problems.map(problem => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <label className="sme-ShareForm-check">
        <input
          type="checkbox"
          checked={value.organization}
          onChange={event =>
            update({ organization: event.currentTarget.checked })
          }
        />
        {trans.__('Share with my organization')}
      </label>
      <p className="sme-ShareForm-hint">
        {trans.__('Everyone finds it under Shared by my organization.')}
      </p>

      <label className="sme-ShareForm-label" htmlFor={`${id}-users`}>
        {trans.__('Share with people')}
      </label>
      <textarea
        id={`${id}-users`}
        className="sme-ShareForm-input"
        rows={2}
        value={value.users}
        aria-describedby={`${id}-users-hint`}
        onChange={event => update({ users: event.currentTarget.value })}
      />
      <p id={`${id}-users-hint`} className="sme-ShareForm-hint">
        {trans.__(
          'User names, separated by commas or spaces. They find it under Shared with me.'
        )}
      </p>

      <label className="sme-ShareForm-label" htmlFor={`${id}-canvas`}>
        {trans.__('Share with SageMaker Canvas users')}
      </label>
      <textarea
        id={`${id}-canvas`}
        className="sme-ShareForm-input"
        rows={2}
        value={canvas ? value.canvasUsers : ''}
        disabled={!canvas}
        aria-describedby={`${id}-canvas-hint`}
        onChange={event => update({ canvasUsers: event.currentTarget.value })}
      />
      <p id={`${id}-canvas-hint`} className="sme-ShareForm-hint">
        {canvas
          ? trans.__(
              'Canvas user names, at most %1, separated by commas or spaces.',
              MAX_CANVAS_USERS
            )
          : trans.__('Only tabular models can be shared with Canvas users.')}
      </p>
    </div>
  );
}
