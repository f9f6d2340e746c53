import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { Code, Fields, Table } from '../../details/Fields';
import { cloudWatchUrl, formatDuration, regionOfArn } from '../format';
import type { StatusPoll } from '../../common/statusPoll';
import type { ITrainingJobStatus } from '../types';
import { useSignal } from './hooks';
import { LaunchViewFrame, when } from './LaunchView';
import { FailureReason, StopButton } from './LaunchViewParts';

export interface ITrainingJobViewProps {
  name: string;
  poller: StatusPoll<ITrainingJobStatus>;
  /** A stop request is on its way. */
  stopping: boolean;
  onStop: () => void;
  locale?: string;
  trans: TranslationBundle;
}

/**
 * A training job: live status and secondary status, failure reason, final
 * metrics, the secondary status history, times, resources and where its
 * CloudWatch log is; Stop while it runs.
 */
export function TrainingJobView(props: ITrainingJobViewProps): JSX.Element {
  const { name, poller, stopping, onStop, locale, trans } = props;
  useSignal(poller.changed);
  const state = poller.state;
  const job = state.value;
  const running = job?.status === 'InProgress';
  const stop = (
    <StopButton
      running={running}
      stopping={stopping}
      onStop={onStop}
      title={trans.__('Stop this training job')}
      notRunningTitle={trans.__('The job is not running')}
      trans={trans}
    />
  );
  return (
    <LaunchViewFrame
      kind={trans.__('Training job')}
      name={name}
      state={state}
      status={job?.status ?? null}
      detail={
        job?.secondary_status && job.secondary_status !== job.status
          ? job.secondary_status
          : null
      }
      actions={stop}
      onRefresh={() => void poller.refresh()}
      locale={locale}
      trans={trans}
    >
      {job ? <JobDetails job={job} locale={locale} trans={trans} /> : null}
    </LaunchViewFrame>
  );
}

function JobDetails(props: {
  job: ITrainingJobStatus;
  locale?: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { job, locale, trans } = props;
  const region = regionOfArn(job.arn);
  const logsUrl = cloudWatchUrl(
    region,
    job.logs.log_group,
    job.logs.log_stream_prefix
  );
  const seconds = (value: number | null): React.ReactNode =>
    value === null ? null : (
      <span title={trans._n('%1 second', '%1 seconds', value)}>
        {formatDuration(value)}
      </span>
    );
  return (
    <>
      {job.failure_reason ? (
        <FailureReason
          reason={job.failure_reason}
          id={job.job_name}
          trans={trans}
        />
      ) : null}
      <section>
        <h2>{trans.__('Overview')}</h2>
        <Fields
          rows={[
            [trans.__('Created'), when(job.created_at, locale)],
            [trans.__('Started'), when(job.started_at, locale)],
            [trans.__('Ended'), when(job.ended_at, locale)],
            [trans.__('Last modified'), when(job.last_modified_at, locale)],
            [trans.__('Training time'), seconds(job.training_seconds)],
            [trans.__('Billable time'), seconds(job.billable_seconds)],
            [
              trans.__('Instances'),
              job.instance_type
                ? `${job.instance_count ?? 1} × ${job.instance_type}`
                : null
            ],
            [
              trans.__('Container'),
              job.image ? <Code>{job.image}</Code> : null
            ],
            [
              trans.__('Model artifacts'),
              job.model_artifacts ? <Code>{job.model_artifacts}</Code> : null
            ],
            [trans.__('Region'), region],
            [trans.__('ARN'), <Code key="arn">{job.arn}</Code>]
          ]}
        />
      </section>
      <section>
        <h2>{trans.__('Final metrics')}</h2>
        {job.final_metrics.length === 0 ? (
          <p className="sme-Details-empty">
            {trans.__('No final metrics (yet).')}
          </p>
        ) : (
          <Table
            caption={trans.__('Final metrics')}
            headers={[trans.__('Metric'), trans.__('Value'), trans.__('Time')]}
            rows={job.final_metrics.map(metric => [
              <Code key="n">{metric.name}</Code>,
              new Intl.NumberFormat(locale, {
                maximumSignificantDigits: 6
              }).format(metric.value),
              when(metric.timestamp, locale)
            ])}
          />
        )}
      </section>
      <section>
        <h2>{trans.__('Status history')}</h2>
        {job.secondary_status_history.length === 0 ? (
          <p className="sme-Details-empty">{trans.__('No history yet.')}</p>
        ) : (
          <Table
            caption={trans.__('Secondary status history')}
            headers={[
              trans.__('Status'),
              trans.__('Started'),
              trans.__('Ended'),
              trans.__('Message')
            ]}
            rows={job.secondary_status_history.map(item => [
              item.status,
              when(item.start_time, locale),
              when(item.end_time, locale),
              item.message ?? ''
            ])}
          />
        )}
      </section>
      <section>
        <h2>{trans.__('Logs')}</h2>
        <Fields
          rows={[
            [
              trans.__('CloudWatch log group'),
              <Code key="g">{job.logs.log_group}</Code>
            ],
            [
              trans.__('Log streams'),
              <Code key="s">{`${job.logs.log_stream_prefix}*`}</Code>
            ]
          ]}
        />
        {logsUrl ? (
          <p>
            <a href={logsUrl} target="_blank" rel="noopener noreferrer">
              {trans.__('Open the log in the CloudWatch console')}
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}
