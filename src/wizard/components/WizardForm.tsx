/**
 * The entry wizard's form: its sections, the notice of its problems, and
 * saving (a new entry, an edit, or "Share notebook…"). Its form model is
 * src/wizard/useWizardModel.ts; a new entry's ID follows its title
 * (src/wizard/useIdFromTitle.ts); its words are src/wizard/wizardText.ts.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { SharedModelsClient } from '../../api/catalog';
import type { IEntry, IOptions, Kind } from '../../api/types';
import { IWizardContext, WizardContext } from '../context';
import { columnFormatShown, formFromEntry, IEntryForm } from '../form';
import { asApiError, saveEntry } from '../save';
import { notifySharing } from '../share';
import { useIdFromTitle } from '../useIdFromTitle';
import { useWizardModel } from '../useWizardModel';
import { wizardText } from '../wizardText';
import { BasicInfo } from './BasicInfo';
import { Deployment } from './Deployment';
import { NotebookSection } from './NotebookSection';
import { Notice, NoticeState } from './Notice';
import { Sharing } from './Sharing';
import { Training } from './Training';

export interface IWizardFormProps {
  client: SharedModelsClient;
  trans: TranslationBundle;
  options: IOptions;
  kind: Kind;
  /** The entry to edit; a new entry without. */
  entry?: IEntry;
  /** "Share notebook…": the workspace notebook to upload and list. */
  notebookPath?: string;
  idPrefix: string;
  onSaved: (entry: IEntry) => void;
  onCancel: () => void;
}

const INVALID_SELECTOR = '[aria-invalid="true"], [data-sme-invalid="true"]';

/**
 * The wizard's form. The server checks the form as the user types (a dry
 * run of the save, ~300 ms after the last change) and on save; its problems
 * land on their fields.
 */
export function WizardForm(props: IWizardFormProps): JSX.Element {
  const { client, trans, options, kind, entry, idPrefix } = props;
  const { notebookPath } = props;
  const editing = entry !== undefined;
  const sharing = !editing && notebookPath !== undefined;
  const { wizard, target } = useWizardModel({
    client,
    kind,
    entry,
    notebookPath,
    sharing,
    rules: options.rules
  });
  const form = wizard.value;
  const update = React.useCallback(
    (change: (form: IEntryForm) => IEntryForm) => wizard.update(change),
    [wizard]
  );
  const saving = wizard.busy;
  const [notice, setNotice] = React.useState<NoticeState>(null);
  const [focusRequest, setFocusRequest] = React.useState(0);
  const formRef = React.useRef<HTMLFormElement>(null);
  const noticeRef = React.useRef<HTMLDivElement>(null);
  const titleRef = React.useRef<HTMLInputElement>(null);
  const alive = React.useRef(true);
  React.useEffect(
    () => () => {
      alive.current = false;
    },
    []
  );
  const { suggestion, onTitleChange, onIdChange } = useIdFromTitle({
    client,
    kind,
    form,
    update,
    autoId: !editing,
    sharing
  });

  // Start in the Title field, unless the user went elsewhere meanwhile.
  React.useEffect(() => {
    const active = document.activeElement;
    const panel = formRef.current?.closest('.jp-MainAreaWidget');
    if (!active || active === document.body || panel?.contains(active)) {
      titleRef.current?.focus();
    }
  }, []);

  // After a failed submit: the first invalid field, else the notice.
  React.useEffect(() => {
    if (focusRequest === 0) {
      return;
    }
    const invalid =
      formRef.current?.querySelector<HTMLElement>(INVALID_SELECTOR);
    const first = invalid ?? noticeRef.current;
    first?.focus();
    first?.scrollIntoView?.({ block: 'center' });
  }, [focusRequest]);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (saving) {
      return;
    }
    wizard.busy = true;
    if (!(await wizard.submit())) {
      // The server's verdict on the form as it is: the save would fail.
      wizard.busy = false;
      setNotice({ kind: 'invalid' });
      setFocusRequest(n => n + 1);
      return;
    }
    setNotice(null);
    const submitted: IEntryForm = form;
    const outcome = await saveEntry(
      client,
      submitted,
      options.rules,
      target.current,
      {
        onRequest: sharing
          ? request => notifySharing(request, submitted, trans)
          : undefined
      }
    );
    if (!alive.current) {
      return;
    }
    wizard.busy = false;
    switch (outcome.status) {
      case 'saved':
        props.onSaved(outcome.entry);
        return;
      case 'invalid':
        wizard.setServerErrors(outcome.details);
        setNotice({ kind: 'invalid', message: outcome.message });
        break;
      case 'conflict':
        // The server says which ID is taken, in words made for the field.
        wizard.setServerErrors([{ loc: ['id'], msg: outcome.message }]);
        setNotice({ kind: 'invalid' });
        break;
      case 'stale':
        setNotice({ kind: 'stale' });
        break;
      default:
        setNotice({ kind: 'error', message: outcome.error.message });
    }
    setFocusRequest(n => n + 1);
  };

  const reload = async (): Promise<void> => {
    if (!target.current) {
      return;
    }
    setNotice({ kind: 'reloading' });
    try {
      const fresh = await client.getEntry(target.current.id);
      if (!alive.current) {
        return;
      }
      target.current = { id: fresh.id, version: fresh.version };
      wizard.reset(formFromEntry(fresh));
      setNotice({ kind: 'reloaded' });
    } catch (reason) {
      if (alive.current) {
        setNotice({ kind: 'error', message: asApiError(reason).message });
      }
    }
  };

  const context: IWizardContext = {
    trans,
    client,
    options,
    idPrefix,
    errorOf: path => wizard.errorOf(path),
    touch: path => wizard.touch(path)
  };
  const problems = wizard.errors.size + wizard.unplaced.length;
  const text = wizardText(trans, { kind, entry, notebookPath, sharing });

  return (
    <WizardContext.Provider value={context}>
      <form
        ref={formRef}
        className="sme-Wizard-form"
        aria-labelledby={`${idPrefix}-heading`}
        aria-busy={saving || undefined}
        noValidate
        onSubmit={event => void submit(event)}
      >
        <header className="sme-Wizard-header">
          <h1 id={`${idPrefix}-heading`} className="sme-Wizard-title">
            {text.heading}
          </h1>
          <p className="sme-Wizard-intro">{text.intro}</p>
        </header>
        <Notice
          ref={noticeRef}
          state={notice}
          problems={problems}
          unplaced={wizard.unplaced}
          onReload={() => void reload()}
        />
        <BasicInfo
          form={form}
          editing={editing}
          titleRef={titleRef}
          idStatus={
            suggestion.pending
              ? trans.__('Checking that the ID is free…')
              : undefined
          }
          onChange={patch => update(f => ({ ...f, ...patch }))}
          onTitleChange={onTitleChange}
          onIdChange={onIdChange}
        />
        {kind === 'notebook' ? (
          <NotebookSection
            value={form.notebook}
            onChange={uri =>
              update(f => ({ ...f, notebook: { ...f.notebook, s3_uri: uri } }))
            }
          />
        ) : null}
        <Sharing
          form={form}
          onChange={share => update(f => ({ ...f, share }))}
        />
        {kind === 'model' ? (
          <>
            <Training
              value={form.training}
              tabular={columnFormatShown(form, options.rules)}
              onChange={patch =>
                update(f => ({ ...f, training: { ...f.training, ...patch } }))
              }
            />
            <Deployment
              value={form.inference}
              onChange={patch =>
                update(f => ({ ...f, inference: { ...f.inference, ...patch } }))
              }
            />
          </>
        ) : null}
        <footer className="sme-Wizard-footer">
          <button
            type="submit"
            className="jp-mod-styled jp-mod-accept sme-Wizard-submit"
            disabled={saving}
          >
            {text.submitLabel}
          </button>
          <button
            type="button"
            className="jp-mod-styled jp-mod-reject sme-Wizard-cancel"
            onClick={props.onCancel}
          >
            {trans.__('Cancel')}
          </button>
          <span className="sme-Wizard-status" role="status">
            {saving ? text.busyStatus : ''}
          </span>
        </footer>
      </form>
    </WizardContext.Provider>
  );
}
