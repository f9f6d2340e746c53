/**
 * The Run locally form: its values, the request body it gives and its field
 * paths (where the server's details land). No rule lives here: the server
 * checks every field (as the user types, with `?dry_run=true`). Pure (no
 * widgets), so tests can cover them.
 */
import type { ILocalRunRules, ITrainingSpec } from '../api/types';
import { numberOrText } from '../common/form';
import { defaultValues } from '../launch/hyperparameters';
import { IStartLocalRun, SYNTHETIC } from './types';

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
 * Rows, seed and output start from the server's defaults (`GET /options` →
 * `rules.local_runs`); without them they start empty, and an empty one is
 * left out of the request, so the server's default applies all the same.
 */
export function runFormValue(
  spec: ITrainingSpec,
  rules: ILocalRunRules | null,
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
    synthetic_rows: rules ? String(rules.default_synthetic_rows) : '',
    seed: rules ? String(rules.default_seed) : '',
    python: '',
    install_requirements: false,
    code: '',
    output: rules?.default_output ?? ''
  };
}

/** Some channel is synthetic: rows and seed apply. */
export function usesSynthetic(value: IRunFormValue): boolean {
  return Object.values(value.channels).some(
    channel => channel.source === 'synthetic'
  );
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
    // Text that is no number goes as typed: the server says what it expects.
    // Left empty: the server's default.
    if (value.synthetic_rows.trim()) {
      body.synthetic_rows = numberOrText(value.synthetic_rows);
    }
    if (value.seed.trim()) {
      body.seed = numberOrText(value.seed);
    }
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

/** The paths of the form's fields (where server details land). */
export function runFieldKeys(spec: ITrainingSpec): Set<string> {
  return new Set([
    'instance_type',
    ...spec.hyperparameters.map(item => `hyperparameters.${item.name}`),
    ...spec.channels.map(channel => `channels.${channel.name}`),
    'synthetic_rows',
    'seed',
    'python',
    'install_requirements',
    'code',
    'output'
  ]);
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
