/**
 * Identifiers and tokens shared by the plugins, widgets and tests of the
 * extension.
 *
 * Keep every string that other code (or the settings schema, or the browser
 * tests) depends on here, so a rename happens in one place.
 */
import type { ServerConnection } from '@jupyterlab/services';
import type { TranslationBundle } from '@jupyterlab/translation';
import { Token } from '@lumino/coreutils';
import type { IDisposable } from '@lumino/disposable';
import type { Widget } from '@lumino/widgets';
import type * as React from 'react';

import type { IEntry, IMe, IOptions } from './api/types';
import type { Loadable } from './common/resource';

/** The id of the main frontend plugin; also the id of `schema/plugin.json`. */
export const PLUGIN_ID = 'shared-models-ext:plugin';

/** The plugin of Train, Deploy, Export training_job.json and My launches. */
export const LAUNCH_PLUGIN_ID = 'shared-models-ext:launch';

/** The plugin of Run locally. */
export const LOCAL_RUNS_PLUGIN_ID = 'shared-models-ext:local-runs';

/** The plugin of Register with Clean Rooms ML and Publish to hub…. */
export const DESTINATIONS_PLUGIN_ID = 'shared-models-ext:destinations';

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

/** A button another plugin adds to each catalog card and details view. */
export interface IEntryAction {
  /** Unique among an entry's actions (the React key). */
  id: string;
  label: string;
  /** The button's tooltip. */
  title?: string;
  execute: () => void;
}

/** What an entry extension's `Badges` are given. */
export interface IEntryBadgesProps {
  entry: IEntry;
  /** The signed-in user owns the entry. */
  isOwner: boolean;
  /** On a card of the panel, or in the entry's details view. */
  place: 'card' | 'details';
  trans: TranslationBundle;
}

/**
 * What a plugin adds to every catalog entry where it is shown: buttons
 * (after Train, Run locally and Deploy; before the owner's Edit, Share…
 * and Delete), and badges under the entry's own.
 */
export interface IEntryExtension {
  /** The buttons for `entry` (none: the entry gets none). */
  actions?: (entry: IEntry, isOwner: boolean) => IEntryAction[];
  /** Rendered under the Training, Deployment and Canvas badges. */
  Badges?: React.ComponentType<IEntryBadgesProps>;
}

/**
 * The Shared models catalog, as the plugins built on it need it: the
 * signed-in user, the vocabularies and instance types, the entries, and
 * places to add to (the cards, the details view, the panel).
 */
export interface ISharedModels {
  /** The server connection of the catalog (the other API clients use it too). */
  readonly serverSettings: ServerConnection.ISettings;

  /** The signed-in catalog user. */
  readonly me: Loadable<IMe>;

  /** The vocabularies and instance types (`GET /options`). */
  readonly options: Loadable<IOptions>;

  /** Load the vocabularies unless they are loaded (or loading). */
  ensureOptions(): Promise<void>;

  /** Whether the signed-in user owns `entry`. */
  isOwner(entry: Pick<IEntry, 'owner'>): boolean;

  /** An entry the panel has listed (undefined when not loaded). */
  findEntry(id: string): IEntry | undefined;

  /** An entry as the server has it now (rejects with an `ApiError`). */
  getEntry(id: string): Promise<IEntry>;

  /** Reload the panel's list from its first page. */
  refresh(): Promise<void>;

  /** Add buttons and badges to every entry; dispose to take them away. */
  addEntryExtension(extension: IEntryExtension): IDisposable;

  /** Add a section at the bottom of the Shared models panel. */
  addPanelSection(widget: Widget): void;
}

/** The catalog: provided by the main plugin, required by the others. */
export const ISharedModels = new Token<ISharedModels>(
  'shared-models-ext:ISharedModels',
  'The Shared models catalog: its user, options and entries, and where other plugins add buttons, badges and panel sections.'
);

/** A kind of launch view in the main area. */
export type LaunchViewKind = 'training-job' | 'endpoint' | 'local-run';

/** My launches and the launch views, as the plugins that launch need them. */
export interface ILaunches {
  /** Something was launched from this JupyterLab: My launches shows it. */
  launched(): void;

  /** Open (or activate) the live view of a training job, endpoint or local run. */
  open(kind: LaunchViewKind, name: string): Promise<Widget>;
}

/** My launches: provided by the launch plugin. */
export const ILaunches = new Token<ILaunches>(
  'shared-models-ext:ILaunches',
  'My launches of the Shared models panel and the live views of training jobs, endpoints and local runs.'
);
