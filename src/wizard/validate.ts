/**
 * Client-side checks of the wizard's form: the obvious problems, caught
 * before the request goes out. The server checks everything again (and a few
 * rules only it knows, e.g. the ranges each hyperparameter scaling allows);
 * its answer is placed on the same paths.
 */
import type { TranslationBundle } from '@jupyterlab/translation';

import type { IOptions } from '../api/types';
import { addError, FieldErrors } from './errors';
import { canvasAllowed, IEntryForm, splitUsers } from './form';
import { isValidId, MAX_ID_LENGTH } from './ids';
import {
  MAX_KEYWORD_LENGTH,
  MAX_KEYWORDS,
  normalizeKeywords
} from './keywords';
import { hasControlChars, s3UriProblem } from './uris';
import { checkInference, checkTraining } from './validateTraining';

export const MAX_TITLE_LENGTH = 256;
export const MAX_DESCRIPTION_BYTES = 64 * 1024;
export const MAX_SHARED_USERS = 100;
export const MAX_CANVAS_USERS = 23;

/** Collects problems by path. */
export class Problems {
  constructor(readonly trans: TranslationBundle) {}

  readonly errors: FieldErrors = new Map();

  add(path: string, msg: string): void {
    addError(this.errors, path, msg);
  }

  /** A required text: true when present. */
  required(path: string, value: string, msg?: string): boolean {
    if (value.trim() === '') {
      this.add(path, msg ?? this.trans.__('This field is required.'));
      return false;
    }
    return true;
  }

  /** An optional S3 URI (or a required one, with `required`). */
  s3(path: string, value: string, required = false): boolean {
    if (value.trim() === '') {
      return required ? this.required(path, value) : true;
    }
    const problem = s3UriProblem(value, this.trans);
    if (problem) {
      this.add(path, problem);
      return false;
    }
    return true;
  }

  /** Text of at most `max` characters, with no control characters. */
  text(path: string, value: string, max: number): void {
    if (value.length > max) {
      this.add(path, this.trans.__('Use at most %1 characters.', max));
    } else if (hasControlChars(value)) {
      this.add(
        path,
        this.trans.__(
          'Must not contain tabs, line breaks or other control characters.'
        )
      );
    }
  }

  /** A list of at most `max` rows. */
  count(path: string, count: number, max: number): void {
    if (count > max) {
      this.add(path, this.trans.__('Use at most %1 rows.', max));
    }
  }

  /** Each value of `names` (by row) used once. */
  unique(table: string, column: string, names: string[]): void {
    const seen = new Set<string>();
    names.forEach((name, index) => {
      if (name === '') {
        return;
      }
      if (seen.has(name)) {
        this.add(
          `${table}.${index}.${column}`,
          this.trans.__("'%1' is used more than once.", name)
        );
      }
      seen.add(name);
    });
  }
}

/**
 * The problems of `form` by path (empty when it looks fine). `options`, when
 * loaded, also checks that the ML task fits the data type.
 */
export function validateForm(
  form: IEntryForm,
  trans: TranslationBundle,
  options?: IOptions | null
): FieldErrors {
  const problems = new Problems(trans);
  checkBasics(form, problems, options ?? null);
  checkSharing(form, problems);
  if (form.kind === 'notebook') {
    checkNotebook(form, problems);
  } else {
    if (form.training.enabled) {
      checkTraining(form.training, form.data_type === 'tabular', problems);
    }
    if (form.inference.enabled) {
      checkInference(form.inference, problems);
    }
  }
  return problems.errors;
}

function checkBasics(
  form: IEntryForm,
  problems: Problems,
  options: IOptions | null
): void {
  const { trans } = problems;
  if (problems.required('title', form.title, trans.__('Enter a title.'))) {
    problems.text('title', form.title.trim(), MAX_TITLE_LENGTH);
  }
  const id = form.id.trim();
  if (id !== '' && !isValidId(id)) {
    problems.add(
      'id',
      trans.__(
        'An ID is 1 to %1 lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
        MAX_ID_LENGTH
      )
    );
  }
  if (
    new TextEncoder().encode(form.description).length > MAX_DESCRIPTION_BYTES
  ) {
    problems.add(
      'description',
      trans.__('Use at most %1 KiB of text.', MAX_DESCRIPTION_BYTES / 1024)
    );
  }
  if (!form.data_type) {
    problems.add('data_type', trans.__('Choose a data type.'));
  }
  if (!form.task) {
    problems.add('task', trans.__('Choose an ML task.'));
  } else if (
    options &&
    form.data_type &&
    !(options.tasks[form.data_type] ?? []).some(task => task.id === form.task)
  ) {
    problems.add('task', trans.__('Choose a task that fits the data type.'));
  }
  if (!form.framework) {
    problems.add('framework', trans.__('Choose a framework.'));
  }
  const keywords = normalizeKeywords(form.keywords);
  if (keywords.length > MAX_KEYWORDS) {
    problems.add(
      'keywords',
      trans.__(
        'Use at most %1 keywords (there are %2).',
        MAX_KEYWORDS,
        keywords.length
      )
    );
  }
  const long = keywords.find(keyword => keyword.length > MAX_KEYWORD_LENGTH);
  if (long !== undefined) {
    problems.add(
      'keywords',
      trans.__(
        'Each keyword is at most %1 characters long.',
        MAX_KEYWORD_LENGTH
      )
    );
  }
}

function checkSharing(form: IEntryForm, problems: Problems): void {
  const { trans } = problems;
  const users = splitUsers(form.share.users);
  if (users.length > MAX_SHARED_USERS) {
    problems.add(
      'share.users',
      trans.__('Name at most %1 users.', MAX_SHARED_USERS)
    );
  }
  if (users.some(user => user.length > 256)) {
    problems.add(
      'share.users',
      trans.__('A user name is at most 256 characters long.')
    );
  }
  const canvas = splitUsers(form.share.canvas_users);
  if (canvasAllowed(form) && canvas.length > MAX_CANVAS_USERS) {
    problems.add(
      'share.canvas_users',
      trans.__(
        'Share with at most %1 Canvas users (there are %2).',
        MAX_CANVAS_USERS,
        canvas.length
      )
    );
  }
}

function checkNotebook(form: IEntryForm, problems: Problems): void {
  const path = 'notebook.s3_uri';
  const uri = form.notebook.s3_uri.trim();
  if (form.notebook.path !== undefined) {
    // Sharing a workspace notebook: the destination is optional (the
    // server's configured location), an .ipynb object or a prefix.
    problems.s3(path, uri);
    return;
  }
  if (
    problems.required(
      path,
      uri,
      problems.trans.__("Enter the notebook's S3 URI.")
    ) &&
    problems.s3(path, uri) &&
    !uri.endsWith('.ipynb')
  ) {
    problems.add(
      path,
      problems.trans.__('Must point to a notebook file ending in .ipynb.')
    );
  }
}
