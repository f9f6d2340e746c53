/**
 * What the training job, endpoint and local run views in the main area have
 * alike (`views.ts`, `../local-runs/runWidget.ts`): the view as the content,
 * the title, the poller asked at once and disposed with the view; and, for
 * the job and the run, Stop: confirmed first, the busy state of its button
 * meanwhile, a refused stop told (`stopFailure.ts`), then the poller asked
 * again.
 */
import { Dialog, MainAreaWidget, showDialog } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import type { IDisposable } from '@lumino/disposable';
import * as React from 'react';

import { sharedModelsIcon } from '../common/icons';
import { notifyStopFailure } from './stopFailure';

/** What a view follows: a status poll, or a local run's model. */
export interface IViewPoller extends IDisposable {
  /** Ask now (and go on polling while it is not final). */
  refresh(): Promise<void>;
}

/** A launch's view in the main area (one per name, `id`). */
export class LaunchViewWidget<
  P extends IViewPoller
> extends MainAreaWidget<ReactWidget> {
  constructor(options: LaunchViewWidget.IOptions<P>) {
    const content = ReactWidget.create(options.view);
    content.addClass('sme-LaunchViewContent');
    super({ content });
    this.name = options.name;
    this.poller = options.poller;
    this._owned = options.owned ?? [];
    this.id = options.id;
    this.addClass('sme-LaunchViewWidget');
    this.title.icon = sharedModelsIcon;
    this.title.label = options.label;
    this.title.caption = options.caption;
    this.title.closable = true;
    void options.poller.refresh();
  }

  readonly name: string;
  readonly poller: P;

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.poller.dispose();
    this._owned.forEach(owned => owned.dispose());
    super.dispose();
  }

  private _owned: ReadonlyArray<IDisposable>;
}

export namespace LaunchViewWidget {
  export interface IOptions<P extends IViewPoller> {
    /** The job, endpoint or run name. */
    name: string;
    poller: P;
    /** The view's React element. */
    view: React.ReactElement;
    /** The main-area id. */
    id: string;
    /** The tab's label and caption. */
    label: string;
    caption: string;
    /** What else is disposed with the view, after the poller (a run's log). */
    owned?: ReadonlyArray<IDisposable>;
  }
}

/**
 * The view of something that can be stopped (a training job, a local run).
 * Stop asks first; what it sends is the subclass's `requestStop`.
 */
export abstract class StoppableViewWidget<
  P extends IViewPoller
> extends LaunchViewWidget<P> {
  constructor(options: StoppableViewWidget.IOptions<P>) {
    const self: { widget: StoppableViewWidget<P> | null } = { widget: null };
    const view = React.createElement(StopState, {
      stop: () => self.widget?.stop() ?? Promise.resolve(),
      render: options.view
    });
    super({ ...options, view });
    self.widget = this;
    this.trans = options.trans;
    this._confirm = options.confirm;
  }

  /** Ask to stop (after confirmation); polling then goes on. */
  async stop(): Promise<void> {
    const { trans, _confirm: confirm } = this;
    const result = await showDialog({
      title: confirm.title,
      body: confirm.body,
      buttons: [
        Dialog.cancelButton({ label: trans.__('Keep running') }),
        Dialog.warnButton({ label: confirm.stopLabel })
      ]
    });
    if (!result.button.accept || this.isDisposed) {
      return;
    }
    try {
      await this.requestStop();
    } catch (reason) {
      notifyStopFailure(reason, this.name, trans);
    }
    if (!this.isDisposed) {
      await this.poller.refresh();
    }
  }

  /** Send the stop (confirmed); a rejection is told as a refused stop. */
  protected abstract requestStop(): Promise<void>;

  protected readonly trans: TranslationBundle;
  private _confirm: StoppableViewWidget.IConfirmation;
}

export namespace StoppableViewWidget {
  /** What the confirmation of Stop says. */
  export interface IConfirmation {
    title: string;
    body: string;
    /** The label of the button that stops. */
    stopLabel: string;
  }

  export interface IOptions<P extends IViewPoller> extends Omit<
    LaunchViewWidget.IOptions<P>,
    'view'
  > {
    /** The view, given the busy state of Stop and what its button calls. */
    view: (stopping: boolean, onStop: () => void) => React.ReactElement;
    confirm: IConfirmation;
    trans: TranslationBundle;
  }
}

/** The busy state of Stop: on from the click until the stop has settled. */
function StopState(props: {
  stop: () => Promise<void>;
  render: (stopping: boolean, onStop: () => void) => React.ReactElement;
}): React.ReactElement {
  const [stopping, setStopping] = React.useState(false);
  const onStop = (): void => {
    setStopping(true);
    void props.stop().finally(() => setStopping(false));
  };
  return props.render(stopping, onStop);
}
