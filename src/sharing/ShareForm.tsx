import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { IEntry, IRules, IShare } from '../api/types';
import type { FormModel } from '../common/form';
import { canvasAllowed } from '../common/servedRules';
import { FieldFrame, fieldDescription } from '../common/form/FieldFrame';
import { useForm } from '../common/form/useForm';

/** The served limits of a share, and who may have Canvas users (`GET /options` → `rules.share`). */
export type IShareRules = IRules['share'];

/** User names from free text: split on commas and white space, each once. */
export function parseUserList(text: string): string[] {
  const names = text
    .split(/[\s,;]+/)
    .map(name => name.trim())
    .filter(name => name !== '');
  return [...new Set(names)];
}

/**
 * Whether an entry may be shared with Canvas users, by the served rule
 * (`rules.share.canvas`). Without the rules (they could not be loaded) the
 * field is offered and the server says, as the user types, whether it may.
 */
export function canShareWithCanvas(
  entry: Pick<IEntry, 'kind' | 'data_type'>,
  rules: IShareRules | null
): boolean {
  return rules === null || canvasAllowed(entry, rules.canvas);
}

/** What the form holds: the texts as typed. */
export interface IShareFormValue {
  organization: boolean;
  users: string;
  canvasUsers: string;
}

/**
 * Where the server's details land: the paths of the share in the body of
 * `PUT /entries/{id}` (`["share", "users", 3]` lands on `share.users`).
 */
export const SHARE_KEYS = {
  organization: 'share.organization',
  users: 'share.users',
  canvasUsers: 'share.canvas_users'
} as const satisfies Record<keyof IShareFormValue, string>;

/**
 * The paths of the fields that show the server's problems (the others go
 * above the fields): the users, and the Canvas users when they may be named.
 */
export function shareFields(
  entry: Pick<IEntry, 'kind' | 'data_type'>,
  rules: IShareRules | null
): ReadonlySet<string> {
  return new Set(
    canShareWithCanvas(entry, rules)
      ? [SHARE_KEYS.users, SHARE_KEYS.canvasUsers]
      : [SHARE_KEYS.users]
  );
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
 * The share a form value stands for. The owner is never listed (they always
 * see their entries). No rule is checked here: the server says what is wrong
 * (too many users, a name nobody can have…) on the field it is about.
 */
export function toShare(
  value: IShareFormValue,
  entry: Pick<IEntry, 'kind' | 'data_type' | 'owner'>,
  rules: IShareRules | null
): IShare {
  return {
    organization: value.organization,
    users: parseUserList(value.users).filter(user => user !== entry.owner),
    canvas_users: canShareWithCanvas(entry, rules)
      ? parseUserList(value.canvasUsers)
      : []
  };
}

/** The hints of the user fields, with the served limits once they are known. */
export function shareHints(
  rules: IShareRules | null,
  trans: TranslationBundle
): { users: string; canvasUsers: string } {
  if (!rules) {
    return {
      users: trans.__(
        'User names, separated by commas or spaces. They find it under Shared with me.'
      ),
      canvasUsers: trans.__('Canvas user names, separated by commas or spaces.')
    };
  }
  return {
    users: trans.__(
      'User names, at most %1, separated by commas or spaces. They find it under Shared with me.',
      rules.max_users
    ),
    canvasUsers: trans.__(
      'Canvas user names, at most %1, separated by commas or spaces.',
      rules.max_canvas_users
    )
  };
}

export interface IShareFormProps {
  entry: Pick<IEntry, 'kind' | 'data_type' | 'id'>;
  /** The form's state: its value, and the server's problems with it. */
  state: FormModel<IShareFormValue>;
  /** The served rules of a share: the hints, the Canvas field (null: not loaded). */
  rules: IShareRules | null;
  trans: TranslationBundle;
}

/** The body of the Share… dialog: organization, people, Canvas users. */
export function ShareForm(props: IShareFormProps): JSX.Element {
  const { entry, rules, trans } = props;
  const state = useForm(props.state);
  const value = state.value;
  const canvas = canShareWithCanvas(entry, rules);
  const id = `sme-share-${entry.id}`;
  const hints = shareHints(rules, trans);
  const problems = state.summary;

  const text = (
    key: 'users' | 'canvasUsers',
    label: string,
    hint: string,
    disabled: boolean
  ): JSX.Element => {
    const path = SHARE_KEYS[key];
    const fieldId = `${id}-${key === 'users' ? 'users' : 'canvas'}`;
    const error = disabled ? undefined : state.errorOf(path);
    const { describedBy } = fieldDescription(fieldId, hint, error);
    return (
      <FieldFrame
        id={fieldId}
        label={label}
        hint={hint}
        error={error}
        className="sme-ShareForm-field"
      >
        <textarea
          id={fieldId}
          className="sme-ShareForm-input"
          rows={2}
          value={disabled ? '' : value[key]}
          disabled={disabled || state.busy}
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={event =>
            state.update({ [key]: event.currentTarget.value }, [path])
          }
          onBlur={() => state.touch(path)}
        />
      </FieldFrame>
    );
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
          disabled={state.busy}
          onChange={event =>
            state.update({ organization: event.currentTarget.checked }, [
              SHARE_KEYS.organization
            ])
          }
        />
        {trans.__('Share with my organization')}
      </label>
      <p className="sme-ShareForm-hint">
        {trans.__('Everyone finds it under Shared by my organization.')}
      </p>
      {text('users', trans.__('Share with people'), hints.users, false)}
      {text(
        'canvasUsers',
        trans.__('Share with SageMaker Canvas users'),
        canvas
          ? hints.canvasUsers
          : trans.__(
              'Only models of data type %1 can be shared with Canvas users.',
              (rules?.canvas.data_types ?? []).join(', ')
            ),
        !canvas
      )}
    </div>
  );
}
