import * as React from 'react';

import { TextField } from './Field';

export interface IS3UriFieldProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: React.ReactNode;
  required?: boolean;
  placeholder?: string;
}

const DEFAULT_PLACEHOLDER = 's3://bucket/prefix/';

/**
 * An S3 URI: a text input checked on blur (`s3://bucket/key`). One component
 * for every S3 field, so a Browse button can join them all in one place.
 */
export function S3UriField(props: IS3UriFieldProps): JSX.Element {
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
    />
  );
}
