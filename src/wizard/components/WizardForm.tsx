import type { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { SharedModelsClient } from '../../api/catalog';
import type { IEntry, IOptions, Kind } from '../../api/types';
import { ValidationClient } from '../../api/validation';
import { FormModel, useForm } from '../../common/form';
import { bodyFromForm } from '../body';
import { IWizardContext, WizardContext } from '../context';
import { ALIASES, resolveEnvironment, visibleFields } from '../fields';
import { emptyForm, formFromEntry, IEntryForm, shareForm } from '../form';
import { asApiError, IEditTarget, saveEntry } from '../save';
import { notifySharing } from '../share';
import { useIdSuggestion } from '../useIdSuggestion';
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
 * The wizard's form: sections, problems, and saving. The server checks the
 * form as the user types (a dry run of the save, ~300 ms after the last
 * change) and on save; its problems land on their fields.
 */
export function WizardForm(props: IWizardFormProps): JSX.Element {
  const { client, trans, options, kind, entry, idPrefix } = props;
  const { notebookPath } = props;
  const editing = entry !== undefined;
  const sharing = !editing && notebookPath !== undefined;
  // What is being edited: read by the dry run, changed by a reload.
  const target = React.useRef<IEditTarget | null>(
    entry ? { id: entry.id, version: entry.version } : null
  );
  const [wizard] = React.useState(() => {
    const validation = new ValidationClient(client.serverSettings);
    return new FormModel<IEntryForm>({
      value: entry
        ? formFromEntry(entry)
        : notebookPath !== undefined
          ? shareForm(notebookPath)
          : emptyForm(kind),
      fields: visibleFields,
      aliases: ALIASES,
      resolve: resolveEnvironment,
      // "Share notebook…" uploads on save; its route has no dry run.
      validate: sharing
        ? undefined
        : (form, signal) => {
            const body = bodyFromForm(form);
            const edited = target.current;
            return edited
              ? validation.replaceEntry(
                  edited.id,
                  { ...body, id: edited.id },
                  edited.version,
                  { signal }
                )
              : validation.createEntry(body, { signal });
          }
    });
  });
  // Not disposed on unmount: React may run this cleanup and mount again
  // with the same state; a check on its way is dropped, nothing else held.
  React.useEffect(() => () => wizard.cancelCheck(), [wizard]);
  useForm(wizard);
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
  const idEdited = React.useRef(false);
  const alive = React.useRef(true);
  React.useEffect(
    () => () => {
      alive.current = false;
    },
    []
  );
  const suggestion = useIdSuggestion(client, kind);

  // A title prefilled from the notebook's name: ask for its free ID too.
  React.useEffect(() => {
    const title = form.title;
    if (sharing && title.trim() !== '') {
      suggestion.request(title, (id, asked) =>
        update(f => (f.title === asked && !idEdited.current ? { ...f, id } : f))
      );
    }
  }, []);

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

  const autoId = !editing;
  const onTitleChange = (title: string): void => {
    const auto = autoId && !idEdited.current;
    // No title, no ID; else the ID stays until the server suggests one.
    update(f => ({ ...f, title, id: auto && !title.trim() ? '' : f.id }));
    if (auto) {
      suggestion.request(title, (id, asked) =>
        update(f => (f.title === asked && !idEdited.current ? { ...f, id } : f))
      );
    }
  };
  const onIdChange = (id: string): void => {
    // Typed by hand: no more auto-filling (until the field is cleared).
    idEdited.current = id.trim() !== '';
    if (idEdited.current) {
      suggestion.cancel();
    }
    update(f => ({ ...f, id }));
  };

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
    const outcome = await saveEntry(client, submitted, target.current, {
      onRequest: sharing
        ? request => notifySharing(request, submitted, trans)
        : undefined
    });
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
  const heading = editing
    ? trans.__('Edit %1', entry.title)
    : sharing
      ? trans.__('Share notebook')
      : kind === 'model'
        ? trans.__('Add model')
        : trans.__('Add notebook');
  const submitLabel = editing
    ? trans.__('Save changes')
    : sharing
      ? trans.__('Share notebook')
      : kind === 'model'
        ? trans.__('Add model')
        : trans.__('Add notebook');
  const intro =
    kind === 'model'
      ? trans.__(
          'Share a model with your team: what it is, how to train it, how to deploy it. Fields marked * are required.'
        )
      : sharing
        ? trans.__(
            'Share %1 with your team: it is uploaded to S3 and listed in the catalog. Fields marked * are required.',
            notebookPath
          )
        : trans.__(
            'Share a notebook with your team. Fields marked * are required.'
          );

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
            {heading}
          </h1>
          <p className="sme-Wizard-intro">{intro}</p>
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
              tabular={form.data_type === 'tabular'}
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
            {submitLabel}
          </button>
          <button
            type="button"
            className="jp-mod-styled jp-mod-reject sme-Wizard-cancel"
            onClick={props.onCancel}
          >
            {trans.__('Cancel')}
          </button>
          <span className="sme-Wizard-status" role="status">
            {saving
              ? sharing
                ? trans.__('Sharing…')
                : trans.__('Saving…')
              : ''}
          </span>
        </footer>
      </form>
    </WizardContext.Provider>
  );
}
