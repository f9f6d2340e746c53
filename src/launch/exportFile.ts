/**
 * Export training_job.json: the CreateTrainingJob request of an entry, saved
 * into the workspace (never over an existing file) and opened.
 */
import { PathExt } from '@jupyterlab/coreutils';
import type { Contents } from '@jupyterlab/services';

/** The name the export uses when it is free. */
export const EXPORT_FILE_NAME = 'training_job.json';

/**
 * The first of `training_job.json`, `training_job-1.json`,
 * `training_job-2.json` … that is not in `taken` (names in one folder).
 */
export function freeFileName(
  taken: Iterable<string>,
  fileName: string = EXPORT_FILE_NAME
): string {
  const names = new Set(taken);
  const extension = PathExt.extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  let candidate = fileName;
  for (let suffix = 1; names.has(candidate); suffix++) {
    candidate = `${stem}-${suffix}${extension}`;
  }
  return candidate;
}

/** The text of the exported file: the request, indented, with a final newline. */
export function exportText(request: unknown): string {
  return `${JSON.stringify(request, null, 2)}\n`;
}

/** The contents API calls the export needs (a `Contents.IManager` has them). */
export type IContentsSaver = Pick<Contents.IManager, 'get' | 'save'>;

/**
 * Save `text` as a new file named like `fileName` in `directory` ('' is the
 * workspace root), never overwriting: a taken name gets a numeric suffix.
 * Resolves with the new file's path.
 */
export async function saveNewFile(
  contents: IContentsSaver,
  directory: string,
  text: string,
  fileName: string = EXPORT_FILE_NAME
): Promise<string> {
  const listing = await contents.get(directory, { content: true });
  const taken = new Set<string>(
    Array.isArray(listing.content)
      ? (listing.content as Contents.IModel[]).map(item => item.name)
      : []
  );
  // Someone may create the file between the listing and the save: check the
  // chosen name right before writing, and move on if it was taken meanwhile.
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = freeFileName(taken, fileName);
    const path = PathExt.join(directory, name);
    if (await exists(contents, path)) {
      taken.add(name);
      continue;
    }
    await contents.save(path, {
      type: 'file',
      format: 'text',
      content: text
    });
    return path;
  }
  throw new Error(`No free file name like ${fileName} in '${directory}'.`);
}

async function exists(
  contents: IContentsSaver,
  path: string
): Promise<boolean> {
  try {
    await contents.get(path, { content: false });
    return true;
  } catch (error) {
    const status = (error as { response?: { status?: number } }).response
      ?.status;
    if (status === 404) {
      return false;
    }
    throw error;
  }
}
