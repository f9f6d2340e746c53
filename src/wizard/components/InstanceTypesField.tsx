import * as React from 'react';

import type { IInstanceTypeInfo } from '../../api/types';
import { fieldId, useWizard } from '../context';
import { FieldError, RequiredMark, SelectField, useControl } from './Field';

export interface IInstanceTypesFieldProps {
  /** `training` or `inference`. */
  section: 'training' | 'inference';
  choices: IInstanceTypeInfo[];
  value: string[];
  defaultValue: string;
  onChange: (value: {
    instance_types: string[];
    default_instance_type: string;
  }) => void;
}

/**
 * Instance types (one or more, each with its CPU/GPU facts) and the default
 * one; GPU instances are marked, with the large-batch hint.
 */
export function InstanceTypesField(
  props: IInstanceTypesFieldProps
): JSX.Element {
  const { trans, idPrefix } = useWizard();
  const { section, choices, value, defaultValue, onChange } = props;
  const path = `${section}.instance_types`;
  const hint = trans.__(
    'GPU instances with more memory are recommended for large batch sizes.'
  );
  const { control, error, hintId, errorId } = useControl(path, hint);
  const legendId = `${fieldId(idPrefix, path)}-legend`;
  const selected = new Set(value);

  const toggle = (id: string, checked: boolean): void => {
    // Keep the order of the choices.
    const next = choices
      .map(choice => choice.id)
      .filter(item => (item === id ? checked : selected.has(item)));
    const nextDefault = next.includes(defaultValue)
      ? defaultValue
      : (next[0] ?? '');
    onChange({ instance_types: next, default_instance_type: nextDefault });
  };
  // Types an entry names that the list does not offer stay listed.
  const unknown = value
    .filter(id => !choices.some(choice => choice.id === id))
    .map(id => ({ id, label: id, gpu: false }) as IInstanceTypeInfo);

  return (
    <div className={`sme-InstanceTypes ${error ? 'sme-mod-invalid' : ''}`}>
      <fieldset
        className="sme-Fieldset"
        aria-describedby={control['aria-describedby']}
      >
        <legend id={legendId} className="sme-Field-label">
          {trans.__('Instance types')} <RequiredMark />
        </legend>
        <p id={hintId} className="sme-Field-hint">
          {hint}
        </p>
        <ul className="sme-InstanceTypes-list">
          {[...unknown, ...choices].map((choice, index) => {
            const id = `${control.id}-option-${index}`;
            return (
              <li key={choice.id} className="sme-InstanceTypes-item">
                <input
                  id={id}
                  type="checkbox"
                  className="sme-Checkbox"
                  checked={selected.has(choice.id)}
                  aria-invalid={control['aria-invalid']}
                  aria-describedby={error ? errorId : undefined}
                  onBlur={control.onBlur}
                  onChange={event => toggle(choice.id, event.target.checked)}
                />
                <label htmlFor={id}>{choice.label}</label>
                {choice.gpu ? (
                  <span className="sme-WizardBadge" aria-hidden="true">
                    {trans.__('GPU')}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <FieldError id={errorId} error={error} />
      <SelectField
        path={`${section}.default_instance_type`}
        label={trans.__('Default instance type')}
        value={defaultValue}
        placeholder={
          value.length === 0
            ? trans.__('Choose instance types first')
            : undefined
        }
        choices={value.map(id => ({ id, label: id }))}
        disabled={value.length === 0}
        onChange={next =>
          onChange({ instance_types: value, default_instance_type: next })
        }
      />
    </div>
  );
}
