import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { IContainerImage } from '../../api/types';
import type { FormModel } from '../../common/form';
import { FormProblems, FormStatus } from './FormField';
import {
  type ILaunchFormValue,
  InstanceAndRoleFields,
  LaunchSummary,
  NameField
} from './LaunchFormParts';

/** What the Train and Deploy dialogs give their form. */
export interface ILaunchFormInput<S, V> {
  /** The entry's training or inference spec. */
  spec: S;
  state: FormModel<V>;
  /** Prefix of the element ids (unique per dialog). */
  idPrefix: string;
  /** A readable label of an instance type (vCPUs, memory, GPUs). */
  instanceLabel: (id: string) => string;
  trans: TranslationBundle;
}

/** What every launch spec has: the container and the instance types. */
interface ILaunchSpec {
  image: IContainerImage;
  instance_types: ReadonlyArray<string>;
}

export interface ILaunchFormProps<
  K extends string,
  V extends ILaunchFormValue & Record<K, string>
> extends ILaunchFormInput<ILaunchSpec, V> {
  /** The launch's other S3 path, and its label ("Output path", "Model artifacts"). */
  pathLabel: string;
  path: string;
  /** The field of the launch's name (job name, endpoint name), its label and hint. */
  nameField: K;
  nameLabel: string;
  nameHint: string;
  /** What to say under the instance type. */
  instanceHint?: string;
  /** The form's own fields, after the role (Train: the hyperparameters). */
  children?: React.ReactNode;
}

/**
 * A launch dialog's form (Train, Deploy): the container and S3 path, the
 * name, instance type and count, role, the form's own fields, then its
 * problems and busy line. Rendered again by its caller, which follows the
 * state's `changed` signal (so that the caller's own fields render again too).
 */
export function LaunchForm<
  K extends string,
  V extends ILaunchFormValue & Record<K, string>
>(props: ILaunchFormProps<K, V>): JSX.Element {
  const { spec, state, idPrefix, trans } = props;
  return (
    <div className="sme-LaunchForm">
      <LaunchSummary
        imageUri={spec.image.uri}
        pathLabel={props.pathLabel}
        path={props.path}
        trans={trans}
      />
      <NameField
        state={state}
        field={props.nameField}
        idPrefix={idPrefix}
        label={props.nameLabel}
        hint={props.nameHint}
      />
      <InstanceAndRoleFields
        state={state}
        idPrefix={idPrefix}
        choices={spec.instance_types}
        instanceHint={props.instanceHint}
        instanceLabel={props.instanceLabel}
        trans={trans}
      />
      {props.children}
      <FormProblems problems={state.summary} />
      <FormStatus busy={state.busy} text={state.status} />
    </div>
  );
}
