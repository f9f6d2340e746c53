import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

/**
 * Stop, in a view's actions (training job, local run): enabled while it
 * runs and no stop is on its way.
 */
export function StopButton(props: {
  running: boolean;
  /** A stop request is on its way. */
  stopping: boolean;
  onStop: () => void;
  /** The button's title while it runs ("Stop this training job"). */
  title: string;
  /** Its title otherwise ("The job is not running"). */
  notRunningTitle: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { running, stopping, onStop, trans } = props;
  return (
    <button
      type="button"
      className="sme-Button sme-mod-warn"
      disabled={!running || stopping}
      title={running ? props.title : props.notRunningTitle}
      onClick={onStop}
    >
      {trans.__('Stop')}
    </button>
  );
}

/**
 * Why it failed, first among a view's sections. With `id`, the section is
 * labelled by its heading (the heading's id is `<id>-failure`).
 */
export function FailureReason(props: {
  reason: string;
  id?: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { reason, trans } = props;
  const headingId = props.id === undefined ? undefined : `${props.id}-failure`;
  return (
    <section className="sme-LaunchView-failure" aria-labelledby={headingId}>
      <h2 id={headingId}>{trans.__('Failure reason')}</h2>
      <pre className="sme-LaunchView-pre">{reason}</pre>
    </section>
  );
}
