import type { TranslationBundle } from '@jupyterlab/translation';
import { UseSignal } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { IS3Item, S3BrowserModel } from './browserModel';
import { S3Crumbs } from './S3Crumbs';
import { S3Row, statusText } from './S3Row';

export interface IS3BrowserProps {
  model: S3BrowserModel;
  /** The label of the field the location is for. */
  fieldLabel: string;
  /** The item to highlight once its page shows (the field's current value). */
  highlight?: string | null;
  /** The highlighted row changed (null: none). */
  onActiveChange: (item: IS3Item | null) => void;
  /** An object was picked (Enter or double-click). */
  onPick: (uri: string) => void;
  /** Unique per dialog: prefixes element ids. */
  idPrefix: string;
  locale?: string;
  trans: TranslationBundle;
}

/**
 * Buckets → folders → objects: a breadcrumb trail, a list with keyboard
 * navigation (arrows, Home/End, Enter opens a folder or picks an object,
 * Backspace goes up), "Load more" for the next S3 page, and the loading,
 * empty and error states with the server's message.
 */
export function S3Browser(props: IS3BrowserProps): JSX.Element {
  const { model } = props;
  return (
    <UseSignal signal={model.changed} initialSender={model}>
      {() => <BrowserView {...props} />}
    </UseSignal>
  );
}

function BrowserView(props: IS3BrowserProps): JSX.Element {
  const { model, fieldLabel, idPrefix, locale, trans } = props;
  const { onActiveChange, onPick } = props;
  const state = model.state;
  const { location, status, items } = state;
  const [active, setActiveState] = React.useState(-1);
  // The keyboard reads the newest highlight, even before React re-renders.
  const activeRef = React.useRef(-1);
  const setActive = React.useCallback((index: number) => {
    activeRef.current = index;
    setActiveState(index);
  }, []);
  const listRef = React.useRef<HTMLUListElement>(null);
  const rootRef = React.useRef<HTMLDivElement>(null);
  const retryRef = React.useRef<HTMLButtonElement>(null);
  const moreRef = React.useRef<HTMLButtonElement>(null);
  const highlight = React.useRef(props.highlight ?? null);
  const moreFrom = React.useRef<number | null>(null);

  // The list has the keyboard from the start.
  React.useEffect(() => {
    listRef.current?.focus();
  }, []);

  // A new location: highlight the field's item if it is here, else the
  // first (before the browser paints, so the keyboard never sees no row).
  React.useLayoutEffect(() => {
    if (status !== 'ready') {
      setActive(-1);
      return;
    }
    const wanted = highlight.current;
    const index =
      wanted === null
        ? -1
        : items.findIndex(
            item => item.uri === wanted || item.uri === `${wanted}/`
          );
    if (index >= 0) {
      highlight.current = null;
    }
    setActive(index >= 0 ? index : items.length > 0 ? 0 : -1);
    // Only when the location's first page arrives.
  }, [location, status]);

  // After "Load more": go on from the first new row.
  React.useEffect(() => {
    const from = moreFrom.current;
    if (from === null || state.loadingMore) {
      return;
    }
    moreFrom.current = null;
    if (from < items.length) {
      setActive(from);
      if (
        !moreRef.current &&
        rootRef.current?.contains(document.activeElement) !== true
      ) {
        listRef.current?.focus();
      }
    }
  }, [items.length, state.loadingMore]);

  const activeItem =
    active >= 0 && active < items.length ? items[active] : null;
  React.useEffect(() => {
    onActiveChange(activeItem);
  }, [activeItem, onActiveChange]);

  React.useEffect(() => {
    if (active < 0) {
      return;
    }
    const node = document.getElementById(`${idPrefix}-item-${active}`);
    node?.scrollIntoView?.({ block: 'nearest' });
  }, [active, idPrefix]);

  // A failure replaces the list: keep the keyboard in the dialog.
  React.useEffect(() => {
    if (
      status === 'error' &&
      rootRef.current?.contains(document.activeElement) !== true
    ) {
      retryRef.current?.focus();
    }
  }, [status]);

  const open = (target: string | null): void => {
    void model.open(target);
    listRef.current?.focus();
  };

  const activate = (item: IS3Item): void => {
    if (item.kind === 'object') {
      onPick(item.uri);
    } else {
      open(item.uri);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>): void => {
    const rows = model.state.items;
    const last = rows.length - 1;
    const current = activeRef.current;
    const currentItem = current >= 0 && current <= last ? rows[current] : null;
    const move = (index: number): void => {
      event.preventDefault();
      if (last >= 0) {
        setActive(Math.max(0, Math.min(last, index)));
      }
    };
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(last);
        break;
      case 'PageDown':
        move(current + 10);
        break;
      case 'PageUp':
        move(current - 10);
        break;
      case 'Enter':
        if (currentItem) {
          event.preventDefault();
          activate(currentItem);
        }
        break;
      case 'Backspace':
        if (model.parent !== undefined) {
          event.preventDefault();
          void model.up();
        }
        break;
      default:
        break;
    }
  };

  const listLabel =
    location === null
      ? trans.__('Buckets')
      : trans.__('Contents of %1', location);

  return (
    <div ref={rootRef} className="sme-S3Browser">
      <p className="sme-S3Browser-for">
        {trans.__('Choose an S3 location for “%1”.', fieldLabel)}
      </p>
      <S3Crumbs location={location} onOpen={open} trans={trans} />

      {status === 'error' && state.error ? (
        <div className="sme-S3Browser-pane">
          <div className="sme-S3Browser-error" role="alert">
            <p className="sme-S3Browser-errorTitle">
              {location === null
                ? trans.__('Could not list the buckets.')
                : trans.__('Could not list %1.', location)}
            </p>
            <p className="sme-S3Browser-errorMessage">{state.error.message}</p>
            <div className="sme-S3Browser-errorActions">
              <button
                ref={retryRef}
                type="button"
                className="sme-Button"
                onClick={() => void model.retry()}
              >
                {trans.__('Retry')}
              </button>
              {model.parent !== undefined ? (
                <button
                  type="button"
                  className="sme-Button"
                  onClick={() => open(model.parent ?? null)}
                >
                  {trans.__('Go up')}
                </button>
              ) : null}
            </div>
          </div>
        </div>
      ) : (
        <ul
          ref={listRef}
          className="sme-S3Browser-list"
          role="listbox"
          tabIndex={0}
          aria-label={listLabel}
          aria-busy={status === 'loading' || state.loadingMore}
          aria-activedescendant={
            activeItem ? `${idPrefix}-item-${active}` : undefined
          }
          onKeyDown={onKeyDown}
        >
          {items.map((item, index) => (
            <S3Row
              key={item.uri}
              id={`${idPrefix}-item-${index}`}
              item={item}
              active={index === active}
              locale={locale}
              trans={trans}
              onClick={() => {
                setActive(index);
                if (item.kind !== 'object') {
                  open(item.uri);
                }
              }}
              onDoubleClick={() => {
                if (item.kind === 'object') {
                  onPick(item.uri);
                }
              }}
            />
          ))}
        </ul>
      )}

      <div className="sme-S3Browser-footer">
        <p className="sme-S3Browser-status" role="status">
          {statusText(model, trans, locale)}
        </p>
        {state.moreError ? (
          <div className="sme-S3Browser-moreError" role="alert">
            <span>
              {trans.__('Could not load more: %1', state.moreError.message)}
            </span>
            <button
              type="button"
              className="sme-Button sme-mod-small"
              onClick={() => void model.retry()}
            >
              {trans.__('Retry')}
            </button>
          </div>
        ) : null}
        {status === 'ready' && state.nextCursor !== null && !state.moreError ? (
          <button
            ref={moreRef}
            type="button"
            className="sme-Button sme-mod-small"
            disabled={state.loadingMore}
            onClick={() => {
              moreFrom.current = items.length;
              void model.loadMore();
            }}
          >
            {state.loadingMore ? trans.__('Loading…') : trans.__('Load more')}
          </button>
        ) : null}
      </div>
      <p className="sme-S3Browser-selection">
        {activeItem ? (
          <>
            {trans.__('Selected:')} <code>{activeItem.uri}</code>
          </>
        ) : null}
      </p>
    </div>
  );
}
