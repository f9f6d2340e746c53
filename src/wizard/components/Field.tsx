import * as React from 'react';

import type { IChoice } from '../../api/types';
import { FieldFrame, fieldDescription } from '../../common/form/FieldFrame';
import { fieldId, useWizard } from '../context';

/** What a control needs to be labelled, described and marked invalid. */
export interface IControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  onBlur: () => void;
}

/** The ids and ARIA attributes of the control of the field at `path`. */
export function useControl(
  path: string,
  hint?: React.ReactNode
): { control: IControlProps; error?: string; hintId: string; errorId: string } {
  const { idPrefix, errorOf, touch } = useWizard();
  const id = fieldId(idPrefix, path);
  const error = errorOf(path);
  const { hintId, errorId, describedBy } = fieldDescription(id, hint, error);
  return {
    control: {
      id,
      'aria-describedby': describedBy,
      'aria-invalid': error ? true : undefined,
      onBlur: () => touch(path)
    },
    error,
    hintId,
    errorId
  };
}

/** A field's problem, linked from its control by `aria-describedby`. */
export function FieldError(props: {
  id: string;
  error?: string;
}): JSX.Element | null {
  return props.error ? (
    <p id={props.id} className="sme-Field-error">
      {props.error}
    </p>
  ) : null;
}

interface IFieldProps {
  path: string;
  label: string;
  hint?: React.ReactNode;
  required?: boolean;
  className?: string;
  /** Shown after the control (e.g. a Browse button). */
  actions?: React.ReactNode;
  /** Shown under the field's hint and problem (e.g. a live status). */
  extra?: React.ReactNode;
}

/** A labelled field of the wizard at `path` (see `FieldFrame`). */
function Field(
  props: IFieldProps & { render: (control: IControlProps) => JSX.Element }
): JSX.Element {
  const { control, error } = useControl(props.path, props.hint);
  return (
    <FieldFrame
      id={control.id}
      label={props.label}
      hint={props.hint}
      error={error}
      mark={props.required ? <RequiredMark /> : null}
      className={props.className}
      actions={props.actions}
      extra={props.extra}
    >
      {props.render(control)}
    </FieldFrame>
  );
}

/**
 * The `*` of a required field: outside the label, so the field's name is
 * just its label ("Title"); `aria-required` tells assistive technology.
 */
export function RequiredMark(): JSX.Element {
  const { trans } = useWizard();
  return (
    <span
      className="sme-Field-required"
      title={trans.__('Required')}
      aria-hidden="true"
    >
      *
    </span>
  );
}

export interface ITextFieldProps extends IFieldProps {
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'url';
  /** Called after the field's own blur handling. */
  onBlur?: () => void;
  inputRef?: React.Ref<HTMLInputElement>;
  spellCheck?: boolean;
}

/** A labelled text input (or textarea). */
export function TextField(props: ITextFieldProps): JSX.Element {
  return (
    <Field
      {...props}
      render={control => {
        const common = {
          ...control,
          className: 'sme-Input',
          value: props.value,
          placeholder: props.placeholder,
          readOnly: props.readOnly,
          disabled: props.disabled,
          'aria-required': props.required || undefined,
          spellCheck: props.spellCheck,
          onBlur: () => {
            control.onBlur();
            props.onBlur?.();
          }
        };
        return props.multiline ? (
          <textarea
            {...common}
            rows={4}
            onChange={event => props.onChange(event.target.value)}
          />
        ) : (
          <input
            {...common}
            ref={props.inputRef}
            type="text"
            inputMode={props.inputMode}
            autoComplete="off"
            onChange={event => props.onChange(event.target.value)}
          />
        );
      }}
    />
  );
}

export interface ISelectFieldProps extends IFieldProps {
  value: string;
  onChange: (value: string) => void;
  choices: ReadonlyArray<IChoice>;
  /** The text of the empty choice; none when omitted. */
  placeholder?: string;
  disabled?: boolean;
}

/** A labelled select. */
export function SelectField(props: ISelectFieldProps): JSX.Element {
  return (
    <Field
      {...props}
      render={control => (
        <select
          {...control}
          className="sme-Select"
          value={props.value}
          disabled={props.disabled}
          aria-required={props.required || undefined}
          onChange={event => props.onChange(event.target.value)}
        >
          {props.placeholder !== undefined ? (
            <option value="">{props.placeholder}</option>
          ) : null}
          {props.choices.map(choice => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export interface ICheckboxFieldProps {
  path: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: React.ReactNode;
  /** `switch` for the section toggles (Enable training…). */
  role?: 'switch';
  /** Without a path of its own (the section toggles): the element id. */
  className?: string;
}

/** A checkbox (or switch) with its label on the right. */
export function CheckboxField(props: ICheckboxFieldProps): JSX.Element {
  const { control, error, hintId, errorId } = useControl(
    props.path,
    props.hint
  );
  return (
    <div
      className={`sme-Field sme-CheckboxField ${props.className ?? ''} ${
        props.role === 'switch' ? 'sme-mod-switch' : ''
      }`}
    >
      <input
        {...control}
        type="checkbox"
        role={props.role}
        className="sme-Checkbox"
        checked={props.checked}
        aria-checked={props.role === 'switch' ? props.checked : undefined}
        onChange={event => props.onChange(event.target.checked)}
      />
      <label className="sme-Field-label" htmlFor={control.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p id={hintId} className="sme-Field-hint">
          {props.hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
    </div>
  );
}
