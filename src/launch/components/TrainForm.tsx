import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { Code } from '../../components/details/Fields';
import type { IEntry, IHyperparameterSpec, ITrainingSpec } from '../../types';
import type { FormState } from '../form';
import { describeRange } from '../hyperparameters';
import type { ITrainFormValue } from '../trainForm';
import { FormField, FormProblems, FormStatus } from './FormField';
import { useSignal } from './hooks';
import { InstanceFields, RoleField } from './InstanceFields';

export interface ITrainFormProps {
  entry: IEntry;
  spec: ITrainingSpec;
  state: FormState<ITrainFormValue>;
  /** Prefix of the element ids (unique per dialog). */
  idPrefix: string;
  /** A readable label of an instance type (vCPUs, memory, GPUs). */
  instanceLabel: (id: string) => string;
  trans: TranslationBundle;
}

/**
 * The Train dialog's form: job name, instance type and count, role, and one
 * input per hyperparameter, typed by its range and checked as the user types.
 */
export function TrainForm(props: ITrainFormProps): JSX.Element {
  const { spec, state, idPrefix, instanceLabel, trans } = props;
  useSignal(state.changed);
  const value = state.value;
  const errors = state.errors;
  const disabled = state.busy;
  return (
    <div className="sme-LaunchForm">
      <dl className="sme-LaunchForm-summary">
        <dt>{trans.__('Container')}</dt>
        <dd>
          <Code>{spec.image.uri}</Code>
        </dd>
        <dt>{trans.__('Output path')}</dt>
        <dd>
          <Code>{spec.output_path}</Code>
        </dd>
      </dl>
      <FormField
        id={`${idPrefix}-job_name`}
        label={trans.__('Job name')}
        hint={trans.__(
          'Unique in your account and region: 1 to 63 letters, digits and hyphens.'
        )}
        error={errors.job_name}
        required
      >
        <input
          type="text"
          className="sme-Input sme-mod-code"
          value={value.job_name}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          onChange={event => state.update({ job_name: event.target.value })}
          onBlur={() => state.touch('job_name')}
        />
      </FormField>
      <InstanceFields
        idPrefix={idPrefix}
        choices={spec.instance_types}
        hint={trans.__(
          'GPU instances with more memory are recommended for large batch sizes.'
        )}
        value={value}
        errors={errors}
        disabled={disabled}
        instanceLabel={instanceLabel}
        onChange={patch => state.update(patch)}
        onBlur={key => state.touch(key)}
        trans={trans}
      />
      <RoleField
        id={`${idPrefix}-role_arn`}
        value={value.role_arn}
        error={errors.role_arn}
        disabled={disabled}
        onChange={role => state.update({ role_arn: role })}
        onBlur={() => state.touch('role_arn')}
        trans={trans}
      />
      {spec.hyperparameters.length > 0 ? (
        <fieldset className="sme-LaunchForm-hyperparameters">
          <legend>{trans.__('Hyperparameters')}</legend>
          {spec.hyperparameters.map(hyperparameter => (
            <HyperparameterInput
              key={hyperparameter.name}
              id={`${idPrefix}-hp-${hyperparameter.name.replace(/[^A-Za-z0-9_-]/g, '-')}`}
              spec={hyperparameter}
              value={
                value.hyperparameters[hyperparameter.name] ??
                hyperparameter.default
              }
              error={errors[`hyperparameters.${hyperparameter.name}`]}
              disabled={disabled}
              onChange={next =>
                state.update(
                  {
                    hyperparameters: {
                      ...value.hyperparameters,
                      [hyperparameter.name]: next
                    }
                  },
                  [`hyperparameters.${hyperparameter.name}`]
                )
              }
              trans={trans}
            />
          ))}
        </fieldset>
      ) : null}
      <FormProblems problems={state.general} />
      <FormStatus busy={state.busy} text={state.status} />
    </div>
  );
}

/** One hyperparameter: a select for a categorical one, else a text input. */
function HyperparameterInput(props: {
  id: string;
  spec: IHyperparameterSpec;
  value: string;
  error?: string;
  disabled: boolean;
  onChange: (value: string) => void;
  trans: TranslationBundle;
}): JSX.Element {
  const { id, spec, value, error, disabled, onChange, trans } = props;
  const hint = `${describeRange(spec, trans)} · ${trans.__('default: %1', spec.default || '""')}`;
  return (
    <FormField id={id} label={spec.name} hint={hint} error={error}>
      {spec.type === 'categorical' ? (
        <select
          className="sme-Select"
          value={value}
          disabled={disabled}
          onChange={event => onChange(event.target.value)}
        >
          {spec.values.includes(value) ? null : (
            <option value={value}>{value}</option>
          )}
          {spec.values.map(choice => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          type="text"
          className={`sme-Input${spec.type === 'free-text' ? '' : ' sme-mod-code'}`}
          inputMode={
            spec.type === 'integer'
              ? 'numeric'
              : spec.type === 'continuous'
                ? 'decimal'
                : 'text'
          }
          value={value}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          onChange={event => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
