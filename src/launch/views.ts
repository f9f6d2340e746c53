/**
 * The training job, endpoint and local run views in the main area: one per
 * name, each polling its status until it is final or the view closes.
 */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import {
  Dialog,
  MainAreaWidget,
  Notification,
  showDialog
} from '@jupyterlab/apputils';
import type { WidgetTracker } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import { sharedModelsIcon } from '../common/icons';
import type { LaunchClient } from '../api/launches';
import { EndpointView } from './components/EndpointView';
import { TrainingJobView } from './components/TrainingJobView';
import { notifyStopFailure } from './stopFailure';
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
export class TrainingJobWidget extends MainAreaWidget<ReactWidget> {
  constructor(options: IViewOptions) {
    const { name, client, trans, locale } = options;
    const poller = new StatusPoll<ITrainingJobStatus>({
      name: `shared-models:training-job:${name}`,
      load: signal => client.trainingJob(name, { signal }),
      isFinal: job => isFinalJobStatus(job.status),
      key: job =>
        `${job.status}/${job.secondary_status}/${job.secondary_status_history.length}`
    });
    const self: { widget: TrainingJobWidget | null } = { widget: null };
    const content = ReactWidget.create(
      React.createElement(StoppableJobView, {
        name,
        poller,
        onStop: () => self.widget?.stop() ?? Promise.resolve(),
        locale,
        trans
      })
    );
    content.addClass('sme-LaunchViewContent');
    super({ content });
    self.widget = this;
    this.name = name;
    this.poller = poller;
    this._client = client;
    this._trans = trans;
    this.id = viewId('training-job', name);
    this.addClass('sme-LaunchViewWidget');
    this.title.icon = sharedModelsIcon;
    this.title.label = name;
    this.title.caption = trans.__('SageMaker training job: %1', name);
    this.title.closable = true;
    void poller.refresh();
  }

  readonly name: string;
  readonly poller: StatusPoll<ITrainingJobStatus>;

  /** Ask to stop the job (after confirmation); polling then goes on. */
  async stop(): Promise<void> {
    const trans = this._trans;
    const result = await showDialog({
      title: trans.__('Stop training job %1?', this.name),
      body: trans.__(
        'SageMaker stops the job; the model artifacts written so far are kept. This cannot be undone.'
      ),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Keep running') }),
        Dialog.warnButton({ label: trans.__('Stop job') })
      ]
    });
    if (!result.button.accept || this.isDisposed) {
      return;
    }
    try {
      const stopping = await this._client.stopTrainingJob(this.name);
      const job = this.poller.state.value;
      if (job) {
        this.poller.set({ ...job, status: stopping.status });
      }
      Notification.info(trans.__('Stopping training job %1.', this.name), {
        autoClose: 5000
      });
    } catch (reason) {
      notifyStopFailure(reason, this.name, trans);
    }
    if (!this.isDisposed) {
      await this.poller.refresh();
    }
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.poller.dispose();
    super.dispose();
  }

  private _client: LaunchClient;
  private _trans: TranslationBundle;
}

/** The job view with the busy state of Stop. */
function StoppableJobView(props: {
  name: string;
  poller: StatusPoll<ITrainingJobStatus>;
  onStop: () => Promise<void>;
  locale?: string;
  trans: TranslationBundle;
}): JSX.Element {
  const [stopping, setStopping] = React.useState(false);
  const onStop = (): void => {
    setStopping(true);
    void props.onStop().finally(() => setStopping(false));
  };
  return React.createElement(TrainingJobView, {
    name: props.name,
    poller: props.poller,
    stopping,
    onStop,
    locale: props.locale,
    trans: props.trans
  });
}

/** An endpoint's view; its title is the endpoint name. */
export class EndpointWidget extends MainAreaWidget<ReactWidget> {
  constructor(options: IViewOptions) {
    const { name, client, trans, locale } = options;
    const poller = new StatusPoll<IDeploymentStatus>({
      name: `shared-models:endpoint:${name}`,
      load: signal => client.deployment(name, { signal }),
      isFinal: endpoint => isFinalEndpointStatus(endpoint.status),
      key: endpoint => endpoint.status
    });
    const content = ReactWidget.create(
      React.createElement(EndpointView, { name, poller, locale, trans })
    );
    content.addClass('sme-LaunchViewContent');
    super({ content });
    this.name = name;
    this.poller = poller;
    this.id = viewId('endpoint', name);
    this.addClass('sme-LaunchViewWidget');
    this.title.icon = sharedModelsIcon;
    this.title.label = name;
    this.title.caption = trans.__('SageMaker endpoint: %1', name);
    this.title.closable = true;
    void poller.refresh();
  }

  readonly name: string;
  readonly poller: StatusPoll<IDeploymentStatus>;

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.poller.dispose();
    super.dispose();
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
