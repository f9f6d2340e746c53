import * as React from 'react';

/** The ids a field's hint and problem get, and what its control is described by. */
export function fieldDescription(
  id: string,
  hint: React.ReactNode,
  error: string | undefined
): { hintId: string; errorId: string; describedBy: string | undefined } {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') ||
    undefined;
  return { hintId, errorId, describedBy };
}

export interface IFieldFrameProps {
  /** The control's element id (the label points at it). */
  id: string;
  label: string;
  hint?: React.ReactNode;
  /** The server's problem with the field, as the form shows it. */
  error?: string;
  /** After the label (the `*` of a required field). */
  mark?: React.ReactNode;
  className?: string;
  /** Shown after the control (e.g. a Browse button). */
  actions?: React.ReactNode;
  /** Shown under the hint and problem (e.g. a live status). */
  extra?: React.ReactNode;
  /** The control, already given `id`, `aria-describedby` and `aria-invalid`. */
  children: React.ReactNode;
}

/**
 * Every form field of the extension (the wizard's and the launch dialogs'):
 * label, control, hint and problem, the hint and problem linked to the
 * control through the ids of {@link fieldDescription}.
 */
export function FieldFrame(props: IFieldFrameProps): JSX.Element {
  const { id, label, hint, error, mark, className, actions, extra } = props;
  const { hintId, errorId } = fieldDescription(id, hint, error);
  const classes = ['sme-Field', className, error ? 'sme-mod-invalid' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <div className="sme-Field-labelRow">
        <label className="sme-Field-label" htmlFor={id}>
          {label}
        </label>
        {mark}
      </div>
      <div className="sme-Field-control">
        {props.children}
        {actions}
      </div>
      {hint ? (
        <p id={hintId} className="sme-Field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="sme-Field-error">
          {error}
        </p>
      ) : null}
      {extra}
    </div>
  );
}
