import * as React from 'react';

import { useWizard } from '../context';
import { TextField } from './Field';
import { useS3Tools } from './S3Tools';

export interface IS3UriFieldProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: React.ReactNode;
  required?: boolean;
  placeholder?: string;
  /** Shown under the field (e.g. the dataset check). */
  extra?: React.ReactNode;
}

const DEFAULT_PLACEHOLDER = 's3://bucket/prefix/';

/**
 * An S3 URI: a text input the server checks (`s3://bucket/key`), a **Browse**
 * button that opens the S3 browser, and a hint saying whether anything is at
 * the URI. One component for every S3 field of the wizards.
 */
export function S3UriField(props: IS3UriFieldProps): JSX.Element {
  const { errorOf } = useWizard();
  const tools = useS3Tools({
    label: props.label,
    value: props.value,
    onChange: props.onChange
  });
  return (
    <TextField
      path={props.path}
      label={props.label}
      hint={props.hint}
      required={props.required}
      value={props.value}
      placeholder={props.placeholder ?? DEFAULT_PLACEHOLDER}
      inputMode="url"
      spellCheck={false}
      className="sme-S3UriField"
      onChange={props.onChange}
      onBlur={tools.onBlur}
      actions={tools.browse}
      extra={
        <>
          {/* A URI the server refuses: its problem says it all. */}
          {errorOf(props.path) ? null : tools.hint}
          {props.extra}
        </>
      }
    />
  );
}
