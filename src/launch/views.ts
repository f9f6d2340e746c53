/**
 * The training job, endpoint and local run views in the main area: one per
 * name, each polling its status until it is final or the view closes.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import { Notification } from '@jupyterlab/apputils';
import type { WidgetTracker } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { LaunchClient } from '../api/launches';
import { EndpointView } from './components/EndpointView';
import { TrainingJobView } from './components/TrainingJobView';
import { LaunchViewWidget, StoppableViewWidget } from './launchViewWidget';
import { LocalRunWidget } from '../local-runs/runWidget';
import { StatusPoll } from '../common/statusPoll';
import { isFinalEndpointStatus, isFinalJobStatus } from './status';
import type { LaunchViewKind } from '../tokens';
import type { IDeploymentStatus, ITrainingJobStatus } from './types';

export type { LaunchViewKind };

/** The main-area id of a view (one per job or endpoint name). */
export function viewId(kind: LaunchViewKind, name: string): string {
  return `sme-${kind}-${name}`;
}

interface IViewOptions {
  name: string;
  client: LaunchClient;
  trans: TranslationBundle;
  locale?: string;
}

/** A training job's view; its title is the job name. */
export class TrainingJobWidget extends StoppableViewWidget<
  StatusPoll<ITrainingJobStatus>
> {
  constructor(options: IViewOptions) {
    const { name, client, trans, locale } = options;
    const poller = new StatusPoll<ITrainingJobStatus>({
      name: `shared-models:training-job:${name}`,
      load: signal => client.trainingJob(name, { signal }),
      isFinal: job => isFinalJobStatus(job.status),
      key: job =>
        `${job.status}/${job.secondary_status}/${job.secondary_status_history.length}`
    });
    super({
      name,
      poller,
      view: (stopping, onStop) =>
        React.createElement(TrainingJobView, {
          name,
          poller,
          stopping,
          onStop,
          locale,
          trans
        }),
      id: viewId('training-job', name),
      label: name,
      caption: trans.__('SageMaker training job: %1', name),
      confirm: {
        title: trans.__('Stop training job %1?', name),
        body: trans.__(
          'SageMaker stops the job; the model artifacts written so far are kept. This cannot be undone.'
        ),
        stopLabel: trans.__('Stop job')
      },
      trans
    });
    this._client = client;
  }

  /** Stop the job; the view shows it stopping until the next answer. */
  protected async requestStop(): Promise<void> {
    const stopping = await this._client.stopTrainingJob(this.name);
    const job = this.poller.state.value;
    if (job) {
      this.poller.set({ ...job, status: stopping.status });
    }
    Notification.info(this.trans.__('Stopping training job %1.', this.name), {
      autoClose: 5000
    });
  }

  private _client: LaunchClient;
}

/** An endpoint's view; its title is the endpoint name. */
export class EndpointWidget extends LaunchViewWidget<
  StatusPoll<IDeploymentStatus>
> {
  constructor(options: IViewOptions) {
    const { name, client, trans, locale } = options;
    const poller = new StatusPoll<IDeploymentStatus>({
      name: `shared-models:endpoint:${name}`,
      load: signal => client.deployment(name, { signal }),
      isFinal: endpoint => isFinalEndpointStatus(endpoint.status),
      key: endpoint => endpoint.status
    });
    super({
      name,
      poller,
      view: React.createElement(EndpointView, { name, poller, locale, trans }),
      id: viewId('endpoint', name),
      label: name,
      caption: trans.__('SageMaker endpoint: %1', name)
    });
  }
}

export type LaunchWidget = TrainingJobWidget | EndpointWidget | LocalRunWidget;

/** Opens (or activates) the view of a training job or an endpoint. */
export class LaunchViews {
  constructor(options: LaunchViews.IOptions) {
    this._options = options;
  }

  open(kind: LaunchViewKind, name: string): LaunchWidget {
    const { app, tracker } = this._options;
    const id = viewId(kind, name);
    let widget = this._widgets.get(id);
    if (widget && !widget.isDisposed) {
      void widget.poller.refresh();
    } else {
      widget = this._create(kind, name);
      this._widgets.set(id, widget);
      widget.disposed.connect(() => this._widgets.delete(id));
      app.shell.add(widget, 'main');
      void tracker?.add(widget);
    }
    app.shell.activateById(widget.id);
    return widget;
  }

  private _create(kind: LaunchViewKind, name: string): LaunchWidget {
    const { app, client, trans, locale } = this._options;
    switch (kind) {
      case 'training-job':
        return new TrainingJobWidget({ name, client, trans, locale });
      case 'endpoint':
        return new EndpointWidget({ name, client, trans, locale });
      default:
        return new LocalRunWidget({
          name,
          client,
          commands: app.commands,
          trans,
          locale
        });
    }
  }

  private _options: LaunchViews.IOptions;
  private _widgets = new Map<string, LaunchWidget>();
}

export namespace LaunchViews {
  export interface IOptions {
    app: JupyterFrontEnd;
    client: LaunchClient;
    trans: TranslationBundle;
    locale?: string;
    /** Tracks open views (the layout restorer reopens them). */
    tracker?: WidgetTracker<LaunchWidget> | null;
  }
}
