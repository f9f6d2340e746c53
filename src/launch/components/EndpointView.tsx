import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { Code, Fields } from '../../details/Fields';
import { regionOfArn } from '../format';
import type { StatusPoll } from '../../common/statusPoll';
import type { IDeploymentStatus } from '../types';
import { useSignal } from './hooks';
import { LaunchViewFrame, when } from './LaunchView';
import { FailureReason } from './LaunchViewParts';

export interface IEndpointViewProps {
  name: string;
  poller: StatusPoll<IDeploymentStatus>;
  locale?: string;
  trans: TranslationBundle;
}

/** An endpoint: live status, failure reason, configuration, instances, times. */
export function EndpointView(props: IEndpointViewProps): JSX.Element {
  const { name, poller, locale, trans } = props;
  useSignal(poller.changed);
  const state = poller.state;
  const endpoint = state.value;
  return (
    <LaunchViewFrame
      kind={trans.__('Endpoint')}
      name={name}
      state={state}
      status={endpoint?.status ?? null}
      onRefresh={() => void poller.refresh()}
      locale={locale}
      trans={trans}
    >
      {endpoint ? (
        <>
          {endpoint.failure_reason ? (
            <FailureReason reason={endpoint.failure_reason} trans={trans} />
          ) : null}
          <section>
            <h2>{trans.__('Overview')}</h2>
            <Fields
              rows={[
                [trans.__('Created'), when(endpoint.created_at, locale)],
                [
                  trans.__('Last modified'),
                  when(endpoint.last_modified_at, locale)
                ],
                [
                  trans.__('Instance type'),
                  endpoint.instance_type ? (
                    <Code>{endpoint.instance_type}</Code>
                  ) : null
                ],
                [
                  trans.__('Instances'),
                  endpoint.current_instance_count !== null
                    ? trans.__(
                        '%1 running (%2 requested)',
                        endpoint.current_instance_count,
                        endpoint.instance_count ?? '?'
                      )
                    : endpoint.instance_count !== null
                      ? trans.__('%1 requested', endpoint.instance_count)
                      : null
                ],
                [
                  trans.__('Endpoint configuration'),
                  endpoint.endpoint_config_name ? (
                    <Code>{endpoint.endpoint_config_name}</Code>
                  ) : null
                ],
                [trans.__('Region'), regionOfArn(endpoint.arn)],
                [trans.__('ARN'), <Code key="arn">{endpoint.arn}</Code>]
              ]}
            />
          </section>
        </>
      ) : null}
    </LaunchViewFrame>
  );
}
