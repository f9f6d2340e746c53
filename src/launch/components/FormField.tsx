import * as React from 'react';

import { FieldFrame, fieldDescription } from '../../common/form/FieldFrame';

export interface IFormFieldProps {
  /** The control's element id. */
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  /** The control: it gets `id`, `aria-describedby` and `aria-invalid`. */
  children: React.ReactElement;
}

/**
 * A labelled field of a launch form: the extension's one field frame, its
 * control given the frame's ids and ARIA attributes.
 */
export function FormField(props: IFormFieldProps): JSX.Element {
  const { id, label, hint, error, required, children } = props;
  const { describedBy } = fieldDescription(id, hint, error);
  const control = React.cloneElement(children, {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined
  });
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      className="sme-LaunchField"
    >
      {control}
    </FieldFrame>
  );
}

/** Problems of a form that belong to no field, announced when they appear. */
export function FormProblems(props: {
  problems: ReadonlyArray<string>;
}): JSX.Element | null {
  const { problems } = props;
  if (problems.length === 0) {
    return null;
  }
  return (
    <div className="sme-LaunchForm-problems" role="alert">
      {problems.length === 1 ? (
        <p>{problems[0]}</p>
      ) : (
        <ul>
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The form's busy line ("Starting training job…"), a live region. */
export function FormStatus(props: {
  busy: boolean;
  text: string;
}): JSX.Element {
  return (
    <p className="sme-LaunchForm-status" role="status">
      {props.busy && props.text ? (
        <span className="sme-Spinner" aria-hidden="true" />
      ) : null}
      {props.text}
    </p>
  );
}
