import { Dialog } from '@jupyterlab/apputils';

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
