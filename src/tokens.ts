/**
 * Identifiers shared by the plugins, widgets and tests of the extension.
 *
 * Keep every string that other code (or the settings schema, or the browser
 * tests) depends on here, so a rename happens in one place.
 */

/** The id of the main frontend plugin; also the id of `schema/plugin.json`. */
export const PLUGIN_ID = 'shared-models-ext:plugin';

/** The gettext domain of every string this extension shows. */
export const TRANSLATION_DOMAIN = 'shared_models_ext';

/** The DOM id of the left-area panel (and its layout-restorer key). */
export const PANEL_ID = 'shared-models-panel';

/** Where the server extension's REST API lives, under the server's base URL. */
export const API_BASE_PATH = 'shared-models/api';

/** Command ids: `shared-models:<verb>`. */
export namespace CommandIDs {
  /** Reveal and activate the Shared models panel. */
  export const open = 'shared-models:open';

  /** Open the wizard that shares a new model. */
  export const addModel = 'shared-models:add-model';

  /** Open the wizard that shares a new notebook. */
  export const addNotebook = 'shared-models:add-notebook';

  /** Open the wizard on an entry the user owns (args: `{id}`). */
  export const editEntry = 'shared-models:edit-entry';

  /** Delete an entry the user owns, after confirmation (args: `{id}`). */
  export const deleteEntry = 'shared-models:delete-entry';

  /** Change who an entry is shared with (args: `{id}`). */
  export const shareEntry = 'shared-models:share-entry';

  /** Show every field of an entry in the main area (args: `{id}`). */
  export const openDetails = 'shared-models:open-details';

  /** Reload the catalog list. */
  export const refresh = 'shared-models:refresh';

  /**
   * Share a workspace notebook: the Add notebook wizard, prefilled, uploads
   * it (args: `{path}`; or `{widget}`, a notebook panel's id; or
   * `{source: "file-browser"}`, the file browser's selection; none: the
   * current notebook).
   */
  export const shareNotebook = 'shared-models:share-notebook';

  /**
   * Copy a shared notebook into the workspace and open it (args: `{id,
   * directory?}`; the directory defaults to the file browser's folder).
   */
  export const openNotebook = 'shared-models:open-notebook';

  /**
   * The Train dialog of an entry with training enabled (args: `{id,
   * hyperparameters?}`: values to start from).
   */
  export const train = 'shared-models:train';

  /**
   * The Run locally dialog of an entry with training enabled: its training
   * script on this machine, in SageMaker's contract (args: `{id}`).
   */
  export const runLocally = 'shared-models:run-locally';

  /** The Deploy dialog of an entry with deployment enabled (args: `{id}`). */
  export const deploy = 'shared-models:deploy';

  /**
   * Save an entry's CreateTrainingJob request as training_job.json in the
   * file browser's folder and open it (args: `{id, job_name?, role_arn?,
   * instance_type?, instance_count?, hyperparameters?}`).
   */
  export const exportTrainingJob = 'shared-models:export-training-job';

  /**
   * The live view of a training job, endpoint or local run (args: `{kind:
   * "training-job" | "endpoint" | "local-run", name}`; a local run's name is
   * its run id).
   */
  export const openLaunch = 'shared-models:open-launch';
}

/** The name of the Share notebook item of the notebook toolbar (see `schema/plugin.json`). */
export const SHARE_TOOLBAR_ITEM = 'share-notebook';
