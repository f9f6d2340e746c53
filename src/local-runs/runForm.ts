/**
 * The Run locally form: its values, client-side checks and the request body
 * it gives. Pure (no widgets), so tests can cover them.
 */
import type { TranslationBundle } from '@jupyterlab/translation';

import type { ITrainingSpec } from '../api/types';
import type { FieldErrors } from '../launch/form';
import {
  checkHyperparameterValue,
  defaultValues
} from '../launch/hyperparameters';
import {
  DEFAULT_OUTPUT,
  DEFAULT_SYNTHETIC_ROWS,
  IStartLocalRun,
  MAX_SEED,
  MAX_SYNTHETIC_ROWS,
  SYNTHETIC
} from './types';

/** Where a channel's data comes from. */
export type ChannelSource = 'entry' | 'workspace' | 'synthetic';

export interface IChannelChoice {
  source: ChannelSource;
  /** The workspace folder (source `workspace`). */
  folder: string;
}

/** What the Run locally dialog holds (as typed). */
export interface IRunFormValue {
  instance_type: string;
  hyperparameters: Record<string, string>;
  channels: Record<string, IChannelChoice>;
  synthetic_rows: string;
  seed: string;
  /** A kernelspec name; empty: the server's Python. */
  python: string;
  install_requirements: boolean;
  /** A workspace file or folder; empty: the entry's script location. */
  code: string;
  output: string;
}

/** A Python environment the server can run the script with. */
export interface IPythonChoice {
  /** The kernelspec name. */
  name: string;
  label: string;
}

/** Synthetic data needs the entry's column format. */
export function offersSynthetic(spec: ITrainingSpec): boolean {
  return spec.tabular !== null && spec.tabular.columns.length > 0;
}

/**
 * The form of an entry: the Train defaults, and synthetic data for every
 * channel of a tabular model (one click runs it), else the entry's S3 data.
 */
export function runFormValue(
  spec: ITrainingSpec,
  hyperparameters: Readonly<Record<string, string>> = {}
): IRunFormValue {
  const source: ChannelSource = offersSynthetic(spec) ? 'synthetic' : 'entry';
  return {
    instance_type: spec.default_instance_type ?? spec.instance_types[0] ?? '',
    hyperparameters: {
      ...defaultValues(spec.hyperparameters),
      ...hyperparameters
    },
    channels: Object.fromEntries(
      spec.channels.map(channel => [channel.name, { source, folder: '' }])
    ),
    synthetic_rows: String(DEFAULT_SYNTHETIC_ROWS),
    seed: '0',
    python: '',
    install_requirements: false,
    code: '',
    output: DEFAULT_OUTPUT
  };
}

/** Some channel is synthetic: rows and seed apply. */
export function usesSynthetic(value: IRunFormValue): boolean {
  return Object.values(value.channels).some(
    channel => channel.source === 'synthetic'
  );
}

function wholeNumberIn(text: string, min: number, max: number): boolean {
  const trimmed = text.trim();
  return /^[0-9]+$/.test(trimmed) && +trimmed >= min && +trimmed <= max;
}

/** The form's problems, by field key (`channels.<name>`, `hyperparameters.<name>`…). */
export function checkRunForm(
  value: IRunFormValue,
  spec: ITrainingSpec,
  trans: TranslationBundle
): FieldErrors {
  const problems: FieldErrors = {};
  if (!spec.instance_types.includes(value.instance_type)) {
    problems.instance_type = trans.__('Choose one of the instance types.');
  }
  for (const hyperparameter of spec.hyperparameters) {
    const problem = checkHyperparameterValue(
      hyperparameter,
      value.hyperparameters[hyperparameter.name] ?? hyperparameter.default,
      trans
    );
    if (problem) {
      problems[`hyperparameters.${hyperparameter.name}`] = problem;
    }
  }
  for (const [name, channel] of Object.entries(value.channels)) {
    if (channel.source === 'workspace' && !channel.folder.trim()) {
      problems[`channels.${name}`] = trans.__(
        'Enter a folder of your workspace.'
      );
    }
  }
  if (usesSynthetic(value)) {
    if (!wholeNumberIn(value.synthetic_rows, 1, MAX_SYNTHETIC_ROWS)) {
      problems.synthetic_rows = trans.__(
        'Enter a whole number between %1 and %2.',
        1,
        MAX_SYNTHETIC_ROWS
      );
    }
    if (!wholeNumberIn(value.seed, 0, MAX_SEED)) {
      problems.seed = trans.__(
        'Enter a whole number between %1 and %2.',
        0,
        MAX_SEED
      );
    }
  }
  return problems;
}

/**
 * The body of `POST /entries/{id}/local-runs`: a channel left on the entry's
 * S3 data is left out (the server's default); rows and seed only with
 * synthetic data; Python, code and output only when given.
 */
export function startLocalRunBody(value: IRunFormValue): IStartLocalRun {
  const body: IStartLocalRun = {
    hyperparameters: { ...value.hyperparameters },
    instance_type: value.instance_type
  };
  const channels: Record<string, string> = {};
  for (const [name, channel] of Object.entries(value.channels)) {
    if (channel.source === 'workspace') {
      channels[name] = channel.folder.trim();
    } else if (channel.source === 'synthetic') {
      channels[name] = SYNTHETIC;
    }
  }
  if (Object.keys(channels).length > 0) {
    body.channels = channels;
  }
  if (usesSynthetic(value)) {
    body.synthetic_rows = Number(value.synthetic_rows.trim());
    body.seed = Number(value.seed.trim());
  }
  if (value.python) {
    body.python = value.python;
  }
  if (value.install_requirements) {
    body.install_requirements = true;
  }
  const code = value.code.trim();
  if (code) {
    body.code = code;
  }
  const output = value.output.trim();
  if (output) {
    body.output = output;
  }
  return body;
}

/** The keys of the form's fields (where server details may land). */
export function runFieldKeys(spec: ITrainingSpec): string[] {
  return [
    'instance_type',
    ...spec.hyperparameters.map(item => `hyperparameters.${item.name}`),
    ...spec.channels.map(channel => `channels.${channel.name}`),
    'synthetic_rows',
    'seed',
    'python',
    'install_requirements',
    'code',
    'output'
  ];
}

/** The Python kernels of the server's kernelspecs, by display name. */
export function pythonChoices(
  specs: {
    kernelspecs: Record<
      string,
      { name: string; display_name: string; language: string } | undefined
    >;
  } | null
): IPythonChoice[] {
  if (!specs) {
    return [];
  }
  return Object.values(specs.kernelspecs)
    .filter(
      (
        spec
      ): spec is { name: string; display_name: string; language: string } =>
        !!spec && spec.language.toLowerCase() === 'python'
    )
    .map(spec => ({ name: spec.name, label: spec.display_name || spec.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
