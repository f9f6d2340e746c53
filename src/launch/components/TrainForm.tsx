import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type {
  IEntry,
  IHyperparameterSpec,
  ITrainingSpec
} from '../../api/types';
import type { FormModel } from '../../common/form';
import { describeRange } from '../hyperparameters';
import type { ITrainFormValue } from '../trainForm';
import { FormField } from './FormField';
import { useSignal } from './hooks';
import { type ILaunchFormInput, LaunchForm } from './LaunchForm';

export interface ITrainFormProps extends ILaunchFormInput<
  ITrainingSpec,
  ITrainFormValue
> {
  entry: IEntry;
}

/**
 * The Train dialog's form: job name, instance type and count, role, and one
 * input per hyperparameter, typed by its range and checked by the server as
 * the user types.
 */
export function TrainForm(props: ITrainFormProps): JSX.Element {
  const { spec, state, idPrefix, trans } = props;
  useSignal(state.changed);
  return (
    <LaunchForm
      {...props}
      pathLabel={trans.__('Output path')}
      path={spec.output_path}
      nameField="job_name"
      nameLabel={trans.__('Job name')}
      nameHint={trans.__(
        'Unique in your account and region: 1 to 63 letters, digits and hyphens.'
      )}
      instanceHint={trans.__(
        'GPU instances with more memory are recommended for large batch sizes.'
      )}
    >
      <HyperparameterFields
        specs={spec.hyperparameters}
        state={state}
        idPrefix={idPrefix}
        trans={trans}
      />
    </LaunchForm>
  );
}

/**
 * One input per hyperparameter, typed by its range and checked by the
 * server as the user types (the Train and Run locally forms).
 */
export function HyperparameterFields<
  V extends { hyperparameters: Record<string, string> }
>(props: {
  specs: ReadonlyArray<IHyperparameterSpec>;
  state: FormModel<V>;
  idPrefix: string;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { specs, state, idPrefix, trans } = props;
  if (specs.length === 0) {
    return null;
  }
  const value = state.value;
  return (
    <fieldset className="sme-LaunchForm-hyperparameters">
      <legend>{trans.__('Hyperparameters')}</legend>
      {specs.map(hyperparameter => (
        <HyperparameterInput
          key={hyperparameter.name}
          id={`${idPrefix}-hp-${hyperparameter.name.replace(/[^A-Za-z0-9_-]/g, '-')}`}
          spec={hyperparameter}
          value={
            value.hyperparameters[hyperparameter.name] ?? hyperparameter.default
          }
          error={state.errorOf(`hyperparameters.${hyperparameter.name}`)}
          disabled={state.busy}
          onChange={next =>
            state.update(
              {
                hyperparameters: {
                  ...state.value.hyperparameters,
                  [hyperparameter.name]: next
                }
              } as Partial<V>,
              [`hyperparameters.${hyperparameter.name}`]
            )
          }
          trans={trans}
        />
      ))}
    </fieldset>
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
