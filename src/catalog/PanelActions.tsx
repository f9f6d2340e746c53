import type { TranslationBundle } from '@jupyterlab/translation';
import { addIcon, refreshIcon } from '@jupyterlab/ui-components';
import type { Menu } from '@lumino/widgets';
import * as React from 'react';

export interface IPanelActionsProps {
  /** The menu "Add" opens: Add model, Add notebook. */
  addMenu: Menu;
  onRefresh: () => void;
  trans: TranslationBundle;
}

/** The panel header's buttons: Add (a menu) and Refresh. */
export function PanelActions(props: IPanelActionsProps): JSX.Element {
  const { addMenu, onRefresh, trans } = props;
  const button = React.useRef<HTMLButtonElement>(null);
  const [open, setOpen] = React.useState(false);

  React.useEffect(() => {
    const onClose = (): void => setOpen(false);
    addMenu.aboutToClose.connect(onClose);
    return () => {
      addMenu.aboutToClose.disconnect(onClose);
    };
  }, [addMenu]);

  const openMenu = (fromKeyboard: boolean): void => {
    const node = button.current;
    if (!node || addMenu.isAttached) {
      return;
    }
    const rect = node.getBoundingClientRect();
    setOpen(true);
    addMenu.open(rect.left, rect.bottom + 2);
    if (fromKeyboard) {
      addMenu.activeIndex = 0;
    }
  };

  return (
    <div className="sme-PanelActions">
      <button
        ref={button}
        type="button"
        className="sme-Button sme-mod-primary sme-AddButton"
        aria-haspopup="menu"
        aria-expanded={open}
        title={trans.__('Share a model or a notebook')}
        onClick={event => openMenu(event.detail === 0)}
        onKeyDown={event => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            openMenu(true);
          }
        }}
      >
        <addIcon.react tag="span" aria-hidden="true" />
        {trans.__('Add')}
      </button>
      <button
        type="button"
        className="sme-IconButton"
        aria-label={trans.__('Refresh')}
        title={trans.__('Refresh the list')}
        onClick={onRefresh}
      >
        <refreshIcon.react tag="span" aria-hidden="true" />
      </button>
    </div>
  );
}
