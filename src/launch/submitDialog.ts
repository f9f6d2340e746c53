import { Dialog } from '@jupyterlab/apputils';
import type { ReactWidget } from '@jupyterlab/ui-components';

import { asApiError } from '../common/errors';
import type { FormModel } from '../common/form';
import { notifyProgress, type IProgressMessages } from '../common/notify';

/**
 * A dialog whose accepting buttons run an async action first, and close only
 * when it succeeds: a launch that the server refuses keeps the dialog open,
 * with the problems shown on its fields. While the action runs, the other
 * accepting buttons are disabled; Cancel and Escape still close the dialog.
 */
export class SubmitDialog<T> extends Dialog<T> {
  constructor(options: SubmitDialog.IOptions<T>) {
    super(options);
    this._onButton = options.onButton;
    this._launchButtons = options.buttons ?? [];
    this._default = options.defaultButton ?? this._launchButtons.length - 1;
    const title =
      options.label ?? (typeof options.title === 'string' ? options.title : '');
    if (title) {
      this.node.setAttribute('aria-label', title);
    }
  }

  resolve(index?: number): void {
    const button = this._launchButtons[index ?? this._default];
    if (!button || !button.accept) {
      super.resolve(index);
      return;
    }
    if (this._busy) {
      return;
    }
    this._setBusy(true);
    void this._onButton(button)
      .catch(reason => {
        console.error(reason);
        return false;
      })
      .then(close => {
        if (this.isDisposed) {
          return;
        }
        this._setBusy(false);
        if (close) {
          super.resolve(index);
        }
      });
  }

  private _setBusy(busy: boolean): void {
    this._busy = busy;
    const nodes = this.node.querySelectorAll<HTMLButtonElement>(
      '.jp-Dialog-footer button'
    );
    nodes.forEach((node, position) => {
      if (this._launchButtons[position]?.accept) {
        node.disabled = busy;
      }
    });
  }

  private _busy = false;
  private _default: number;
  private _launchButtons: ReadonlyArray<Dialog.IButton>;
  private _onButton: (button: Dialog.IButton) => Promise<boolean>;
}

export namespace SubmitDialog {
  export interface IOptions<T> extends Partial<Dialog.IOptions<T>> {
    /**
     * Run for an accepting button; resolve true to close the dialog (the
     * button's `className` tells which one it is).
     */
    onButton: (button: Dialog.IButton) => Promise<boolean>;
    /** The dialog's accessible name (default: the title). */
    label?: string;
  }
}

/** Show the dialog until it closes; then dispose of it and its body. */
export async function runDialog(
  dialog: SubmitDialog<void>,
  body: ReactWidget
): Promise<void> {
  try {
    await dialog.launch();
  } catch {
    // Disposed without an answer (e.g. Dialog.flush()): nothing to do.
  } finally {
    dialog.dispose();
    body.dispose();
  }
}

/**
 * Move the focus to the first field that shows a problem, once the form has
 * re-rendered it enabled (fields are disabled while a request is in flight,
 * and a disabled field cannot take the focus). Gives up after a few frames.
 */
export function focusFirstProblem(node: HTMLElement, framesLeft = 30): void {
  requestAnimationFrame(() => {
    const invalid = node.querySelector<HTMLElement>(
      '[aria-invalid="true"]:not(:disabled)'
    );
    if (invalid) {
      invalid.focus();
    } else if (framesLeft > 0) {
      focusFirstProblem(node, framesLeft - 1);
    }
  });
}

/**
 * Show every problem of the form: true when the server's verdict on the
 * form as it is now has none (or is not in yet: the request then checks),
 * else focus the first.
 */
export async function checkBeforeSubmit<V>(
  state: FormModel<V>,
  node: HTMLElement
): Promise<boolean> {
  if (await state.submit()) {
    return true;
  }
  focusFirstProblem(node);
  return false;
}

/**
 * Run a dialog's `prepare` step: true when it went through (or there is
 * none), else its failure is on the form and the focus on the first problem.
 */
export async function prepareForm<V>(
  state: FormModel<V>,
  body: ReactWidget,
  prepare?: () => Promise<void>
): Promise<boolean> {
  if (!prepare) {
    return true;
  }
  try {
    await prepare();
    return true;
  } catch (reason) {
    state.showFailure(reason);
    focusFirstProblem(body.node);
    return false;
  }
}

/** How a dialog launches something (a training job, an endpoint). */
export interface ILaunchRequest<V, C, R> {
  state: FormModel<V>;
  /** The dialog's body (where the focus goes to a problem). */
  body: ReactWidget;
  /**
   * Awaited before anything else (e.g. the server's default name put into
   * the form, `launchName.ts`); a rejection is shown on the form.
   */
  prepare?: () => Promise<void>;
  /** The request's body, from the form's value. */
  choices: (value: V) => C;
  /** The name the user chose (job or endpoint name). */
  nameOf: (choices: C) => string;
  send: (choices: C) => Promise<R>;
  /** The name of what the server launched. */
  launchedName: (launched: R) => string;
  /** The notification's texts, by the chosen name. */
  messages: (name: string) => IProgressMessages;
  onLaunched: (launched: R) => void;
}

/**
 * Send a launch dialog's request once its form checks out, the form
 * read-only meanwhile and the progress in a notification. True when the
 * dialog may close; on failure the problems land on the form.
 */
export async function submitLaunch<V, C, R>(
  launch: ILaunchRequest<V, C, R>
): Promise<boolean> {
  const { state, body } = launch;
  if (!(await prepareForm(state, body, launch.prepare))) {
    return false;
  }
  if (!(await checkBeforeSubmit(state, body.node))) {
    return false;
  }
  const choices = launch.choices(state.value);
  const messages = launch.messages(launch.nameOf(choices));
  state.busy = true;
  state.status = messages.pending;
  const request = launch.send(choices);
  notifyProgress(
    request.then(launch.launchedName, reason =>
      Promise.reject(asApiError(reason).message)
    ),
    messages
  );
  try {
    launch.onLaunched(await request);
    return true;
  } catch (reason) {
    state.showFailure(reason);
    focusFirstProblem(body.node);
    return false;
  } finally {
    state.status = '';
    state.busy = false;
  }
}
