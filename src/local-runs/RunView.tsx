import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { Code, Fields } from '../details/Fields';
import { useSignal } from '../launch/components/hooks';
import { LaunchViewFrame, when } from '../launch/components/LaunchView';
import {
  FailureReason,
  StopButton
} from '../launch/components/LaunchViewParts';
import type { LogView } from './logView';
import { MetricCharts } from './MetricCharts';
import type { LocalRunModel } from './runModel';
import { ILocalRunStatus, LocalRunPhase, userHyperparameters } from './types';

export interface IRunViewProps {
  model: LocalRunModel;
  /** The live log (its own DOM, never re-rendered by React). */
  log: LogView;
  /** A stop request is on its way. */
  stopping: boolean;
  onStop: () => void;
  onTrain: (run: ILocalRunStatus) => void;
  /** Show a workspace folder in the file browser. */
  onOpenFolder: (path: string) => void;
  locale?: string;
  trans: TranslationBundle;
}

/** A workspace path (not an S3 URI). */
export function isWorkspacePath(location: string | null): location is string {
  return !!location && !/^s3:\/\//i.test(location);
}

function phaseLabel(phase: LocalRunPhase, trans: TranslationBundle): string {
  switch (phase) {
    case 'preparing':
      return trans.__('Preparing data and code');
    case 'training':
      return trans.__('Training');
    case 'uploading':
      return trans.__('Writing the model');
    default:
      return phase;
  }
}

/**
 * A local run: live status (and phase), failure reason, artifacts, a chart
 * per metric and the live log; Stop, Train on SageMaker, Open output folder.
 */
export function RunView(props: IRunViewProps): JSX.Element {
  const { model, log, stopping, onStop, onTrain, onOpenFolder } = props;
  const { locale, trans } = props;
  useSignal(model.changed);
  const state = model.state;
  const run = state.value;
  const running = run?.status === 'running';
  const idPrefix = `sme-run-${model.runId}`;
  const actions = (
    <>
      <StopButton
        running={running}
        stopping={stopping}
        onStop={onStop}
        title={trans.__('Stop this run')}
        notRunningTitle={trans.__('The run is not running')}
        trans={trans}
      />
      <button
        type="button"
        className="sme-Button"
        disabled={!run}
        title={trans.__(
          'Start a SageMaker training job of this entry with these hyperparameters'
        )}
        onClick={() => run && onTrain(run)}
      >
        {trans.__('Train on SageMaker')}
      </button>
    </>
  );
  return (
    <LaunchViewFrame
      kind={trans.__('Local run')}
      name={model.runId}
      state={state}
      status={run?.status ?? null}
      detail={running && run.phase ? phaseLabel(run.phase, trans) : null}
      actions={actions}
      onRefresh={() => void model.refresh()}
      locale={locale}
      trans={trans}
    >
      {run?.status === 'failed' && run.failure_reason ? (
        <FailureReason
          reason={run.failure_reason}
          id={idPrefix}
          trans={trans}
        />
      ) : null}
      <section aria-labelledby={`${idPrefix}-metrics`}>
        <h2 id={`${idPrefix}-metrics`}>{trans.__('Metrics')}</h2>
        {run ? (
          <MetricCharts
            metrics={run.metrics}
            idPrefix={idPrefix}
            locale={locale}
            trans={trans}
          />
        ) : null}
      </section>
      <LogSection log={log} idPrefix={idPrefix} trans={trans} />
      {run ? (
        <RunOverview
          run={run}
          onOpenFolder={onOpenFolder}
          locale={locale}
          trans={trans}
        />
      ) : null}
    </LaunchViewFrame>
  );
}

function RunOverview(props: {
  run: ILocalRunStatus;
  onOpenFolder: (path: string) => void;
  locale?: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { run, onOpenFolder, locale, trans } = props;
  const hyperparameters = Object.entries(
    userHyperparameters(run.hyperparameters)
  );
  return (
    <section>
      <h2>{trans.__('Overview')}</h2>
      <Fields
        rows={[
          [trans.__('Entry'), run.entry_title],
          [trans.__('Started'), when(run.started_at, locale)],
          [trans.__('Ended'), when(run.ended_at, locale)],
          [
            trans.__('Exit code'),
            run.exit_code === null ? null : String(run.exit_code)
          ],
          [
            trans.__('Model artifact'),
            run.model_artifact ? <Code>{run.model_artifact}</Code> : null
          ],
          [
            trans.__('Output artifact'),
            run.output_artifact ? <Code>{run.output_artifact}</Code> : null
          ],
          [
            trans.__('Output location'),
            run.output_location ? (
              <span className="sme-RunView-output">
                <Code>{run.output_location}</Code>
                {isWorkspacePath(run.output_location) ? (
                  <button
                    type="button"
                    className="sme-Button sme-mod-small"
                    onClick={() => onOpenFolder(run.output_location!)}
                  >
                    {trans.__('Open output folder')}
                  </button>
                ) : null}
              </span>
            ) : null
          ],
          [
            trans.__('Hyperparameters'),
            hyperparameters.length > 0 ? (
              <Code>
                {hyperparameters
                  .map(([name, value]) => `${name}=${value}`)
                  .join(' ')}
              </Code>
            ) : null
          ],
          [trans.__('Instance type'), <Code key="i">{run.instance_type}</Code>],
          [trans.__('Python'), <Code key="p">{run.python}</Code>],
          [
            trans.__('Command'),
            run.command.length > 0 ? <Code>{run.command.join(' ')}</Code> : null
          ],
          [
            trans.__('requirements.txt'),
            run.requirements_txt
              ? run.requirements_installed
                ? trans.__('Installed')
                : trans.__('Present, not installed')
              : trans.__('None')
          ],
          [trans.__('Run folder'), <Code key="r">{run.run_root}</Code>]
        ]}
      />
    </section>
  );
}

/** The log's region: its DOM node is the LogView's own. */
function LogSection(props: {
  log: LogView;
  idPrefix: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { log, idPrefix, trans } = props;
  const host = React.useRef<HTMLDivElement>(null);
  const [follow, setFollow] = React.useState(log.follow);
  React.useLayoutEffect(() => {
    host.current?.appendChild(log.node);
    const update = (): void => setFollow(log.follow);
    log.node.addEventListener('scroll', update);
    return () => log.node.removeEventListener('scroll', update);
  }, [log]);
  return (
    <section aria-labelledby={`${idPrefix}-log`} className="sme-RunView-log">
      <div className="sme-RunView-logHeader">
        <h2 id={`${idPrefix}-log`}>{trans.__('Log')}</h2>
        <span className="sme-Muted">{trans.__('The last %1 lines', 5000)}</span>
        {follow ? null : (
          <button
            type="button"
            className="sme-Button sme-mod-small"
            onClick={() => {
              log.scrollToEnd();
              setFollow(true);
            }}
          >
            {trans.__('Follow the end')}
          </button>
        )}
      </div>
      <div ref={host} className="sme-RunView-logHost" />
    </section>
  );
}
