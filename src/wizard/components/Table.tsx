import { addIcon, deleteIcon } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { IChoice } from '../../api/types';
import { useWizard } from '../context';
import { FieldError, useControl } from './Field';

export interface IRowsTableProps<T> {
  /** The list's path, for list-wide problems (`training.channels`). */
  path: string;
  caption: string;
  /** Column headers (the remove column is added). */
  headers: string[];
  rows: T[];
  /** The cells of one row. */
  renderRow: (row: T, index: number) => React.ReactNode[];
  onAdd: () => void;
  addLabel: string;
  onRemove: (index: number) => void;
  /** `Remove channel 1`. */
  removeLabel: (index: number) => string;
  hint?: React.ReactNode;
  /** Shown instead of the table when there are no rows. */
  emptyText?: string;
  /** Buttons after "Add …". */
  actions?: React.ReactNode;
  /** Above the table, after the caption (e.g. the sample log line). */
  children?: React.ReactNode;
  /** Extra class of the wrapper (column widths per table). */
  className?: string;
}

/**
 * An editable list as a table: a header row, one row per item with a remove
 * button, an "Add" button; its list-wide problem under it.
 */
export function RowsTable<T>(props: IRowsTableProps<T>): JSX.Element {
  const { trans } = useWizard();
  const { control, error, hintId, errorId } = useControl(
    props.path,
    props.hint
  );
  const addRef = React.useRef<HTMLButtonElement>(null);
  const captionId = `${control.id}-caption`;
  const remove = (index: number): void => {
    props.onRemove(index);
    // The row (and its focused button) is gone: keep the focus nearby.
    addRef.current?.focus();
  };
  return (
    <div
      className={`sme-RowsTable ${props.className ?? ''} ${error ? 'sme-mod-invalid' : ''}`}
      role="group"
      aria-labelledby={captionId}
    >
      <h3 id={captionId} className="sme-RowsTable-caption">
        {props.caption}
      </h3>
      {props.hint ? (
        <p id={hintId} className="sme-Field-hint">
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.rows.length > 0 ? (
        <table
          className="sme-RowsTable-table"
          aria-labelledby={captionId}
          aria-describedby={control['aria-describedby']}
        >
          <thead>
            <tr>
              {props.headers.map(header => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
              <th scope="col" className="sme-RowsTable-actionsHeader">
                <span className="sme-VisuallyHidden">
                  {trans.__('Actions')}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, index) => (
              <tr key={index}>
                {props.renderRow(row, index).map((cell, column) => (
                  <td key={column}>{cell}</td>
                ))}
                <td className="sme-RowsTable-actionsCell">
                  <button
                    type="button"
                    className="sme-WizardIconButton"
                    aria-label={props.removeLabel(index)}
                    title={props.removeLabel(index)}
                    onClick={() => remove(index)}
                  >
                    <deleteIcon.react tag="span" className="sme-Icon" />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : props.emptyText ? (
        <p className="sme-RowsTable-empty">{props.emptyText}</p>
      ) : null}
      <div className="sme-RowsTable-actions">
        <button
          ref={addRef}
          type="button"
          className="sme-WizardButton"
          onClick={props.onAdd}
          aria-describedby={error ? errorId : undefined}
          data-sme-invalid={error ? 'true' : undefined}
        >
          <addIcon.react tag="span" className="sme-Icon" />
          {props.addLabel}
        </button>
        {props.actions}
      </div>
      <FieldError id={errorId} error={error} />
    </div>
  );
}

interface ICellProps {
  path: string;
  /** The accessible name: `Channel 1 name`. */
  label: string;
}

/** A text input in a table cell, named by `aria-label`, its problem under it. */
export function CellInput(
  props: ICellProps & {
    value: string;
    onChange: (value: string) => void;
    placeholder?: string;
    inputMode?: 'text' | 'numeric' | 'decimal';
    /** A short visible label before the input (`Min`). */
    prefix?: string;
    className?: string;
    spellCheck?: boolean;
    /** Called after the cell's own blur handling. */
    onBlur?: () => void;
    /** Shown after the input (e.g. a Browse button). */
    actions?: React.ReactNode;
    /** Shown under the problem (e.g. a live status). */
    extra?: React.ReactNode;
  }
): JSX.Element {
  const { control, error, errorId } = useControl(props.path);
  const input = (
    <input
      {...control}
      type="text"
      className="sme-Input"
      aria-label={props.label}
      value={props.value}
      placeholder={props.placeholder}
      inputMode={props.inputMode}
      spellCheck={props.spellCheck}
      autoComplete="off"
      onChange={event => props.onChange(event.target.value)}
      onBlur={() => {
        control.onBlur();
        props.onBlur?.();
      }}
    />
  );
  return (
    <div className={`sme-Cell ${props.className ?? ''}`}>
      {props.prefix ? (
        <span className="sme-Cell-prefix" aria-hidden="true">
          {props.prefix}
        </span>
      ) : null}
      {props.actions ? (
        <div className="sme-Cell-control">
          {input}
          {props.actions}
        </div>
      ) : (
        input
      )}
      <FieldError id={errorId} error={error} />
      {props.extra}
    </div>
  );
}

/** A select in a table cell, named by `aria-label`. */
export function CellSelect(
  props: ICellProps & {
    value: string;
    onChange: (value: string) => void;
    choices: ReadonlyArray<IChoice>;
    prefix?: string;
    className?: string;
  }
): JSX.Element {
  const { control, error, errorId } = useControl(props.path);
  return (
    <div className={`sme-Cell ${props.className ?? ''}`}>
      {props.prefix ? (
        <span className="sme-Cell-prefix" aria-hidden="true">
          {props.prefix}
        </span>
      ) : null}
      <select
        {...control}
        className="sme-Select"
        aria-label={props.label}
        value={props.value}
        onChange={event => props.onChange(event.target.value)}
      >
        {props.choices.map(choice => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} error={error} />
    </div>
  );
}

/** `rows` with row `index` replaced by `{...rows[index], ...patch}`. */
export function patchRow<T>(rows: T[], index: number, patch: Partial<T>): T[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

/** `rows` without row `index`. */
export function removeRow<T>(rows: T[], index: number): T[] {
  return rows.filter((_, i) => i !== index);
}
