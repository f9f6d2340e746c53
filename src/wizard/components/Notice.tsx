import * as React from 'react';

import { useWizard } from '../context';
import type { IUnplacedError } from '../../common/form';

/** What the wizard says above its sections. */
export type NoticeState =
  | null
  /** A submit failed on the server's problems (a dry run's, a 400, a 409). */
  | { kind: 'invalid'; message?: string }
  /** 412: the entry changed since it was loaded. */
  | { kind: 'stale' }
  | { kind: 'reloading' }
  | { kind: 'reloaded' }
  /** Saving failed for another reason. */
  | { kind: 'error'; message: string };

export interface INoticeProps {
  state: NoticeState;
  /** How many problems are shown now (fields and summary). */
  problems: number;
  /** Problems that name no visible field. */
  unplaced: ReadonlyArray<IUnplacedError>;
  onReload: () => void;
}

/** The wizard's message: problems to fix, a stale edit to reload, a failure. */
export const Notice = React.forwardRef<HTMLDivElement, INoticeProps>(
  function Notice(props, ref): JSX.Element {
    const { trans } = useWizard();
    const { state, problems, unplaced } = props;
    let content: React.ReactNode = null;
    let tone = 'error';
    if (state?.kind === 'invalid' && problems > 0) {
      content = (
        <>
          <p className="sme-Notice-title">
            {trans._n(
              'Fix the problem marked below.',
              'Fix the %1 problems marked below.',
              problems
            )}
          </p>
          {unplaced.length > 0 ? (
            <ul className="sme-Notice-list">
              {unplaced.map(item => (
                <li key={item.path}>
                  {item.path ? <code>{item.path}</code> : null}
                  {item.path ? ': ' : null}
                  {item.msg}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      );
    } else if (state?.kind === 'stale' || state?.kind === 'reloading') {
      content = (
        <>
          <p className="sme-Notice-title">
            {trans.__('Someone else changed this entry since you opened it.')}
          </p>
          <p>
            {trans.__(
              'Reload it to see their changes, then make yours again: reloading replaces what you typed here.'
            )}
          </p>
          <button
            type="button"
            className="sme-WizardButton sme-mod-primary"
            disabled={state.kind === 'reloading'}
            onClick={props.onReload}
          >
            {trans.__('Reload')}
          </button>
        </>
      );
    } else if (state?.kind === 'reloaded') {
      tone = 'info';
      content = (
        <p className="sme-Notice-title">
          {trans.__('Reloaded: the form shows the entry as it is now.')}
        </p>
      );
    } else if (state?.kind === 'error') {
      content = (
        <>
          <p className="sme-Notice-title">{trans.__('Could not save.')}</p>
          <p>{state.message}</p>
        </>
      );
    }
    return (
      <div
        ref={ref}
        className={`sme-Notice ${content ? `sme-mod-${tone}` : 'sme-mod-empty'}`}
        role={tone === 'info' ? 'status' : 'alert'}
        tabIndex={-1}
      >
        {content}
      </div>
    );
  }
);
