/**
 * Labels of vocabulary ids, from `GET /options` (ids are shown until it is
 * loaded, or for an id it does not know).
 */
import type { IChoice, IOptions } from '../api/types';

/** Looks up the labels of data types, tasks and frameworks. */
export class Vocabulary {
  constructor(options: IOptions | null) {
    this.options = options;
    if (options) {
      for (const choice of options.data_types ?? []) {
        this._dataTypes.set(choice.id, choice.label);
      }
      for (const choices of Object.values(options.tasks ?? {})) {
        for (const choice of choices) {
          this._tasks.set(choice.id, choice.label);
        }
      }
      for (const choice of options.frameworks ?? []) {
        this._frameworks.set(choice.id, choice.label);
      }
    }
  }

  /** The vocabularies, once loaded. */
  readonly options: IOptions | null;

  dataType(id: string): string {
    return this._dataTypes.get(id) ?? id;
  }

  task(id: string): string {
    return this._tasks.get(id) ?? id;
  }

  framework(id: string): string {
    return this._frameworks.get(id) ?? id;
  }

  /** The label of an id of one of the other vocabularies of `GET /options`. */
  choice(list: Vocabulary.ChoiceList, id: string): string {
    const found = this.options?.[list]?.find(choice => choice.id === id);
    return found?.label ?? id;
  }

  /** The data types to filter by (empty until loaded). */
  get dataTypes(): ReadonlyArray<IChoice> {
    return this.options?.data_types ?? [];
  }

  get frameworks(): ReadonlyArray<IChoice> {
    return this.options?.frameworks ?? [];
  }

  /** The tasks of a data type, or of every data type (grouped). */
  tasksOf(dataType: string): ReadonlyArray<IChoice> | undefined {
    return this.options?.tasks?.[dataType];
  }

  /** Every data type with its tasks, in the server's order. */
  get taskGroups(): ReadonlyArray<{ dataType: IChoice; tasks: IChoice[] }> {
    const options = this.options;
    if (!options) {
      return [];
    }
    return (options.data_types ?? []).map(dataType => ({
      dataType,
      tasks: options.tasks?.[dataType.id] ?? []
    }));
  }

  private _dataTypes = new Map<string, string>();
  private _frameworks = new Map<string, string>();
  private _tasks = new Map<string, string>();
}

export namespace Vocabulary {
  /** The vocabularies `choice()` looks up. */
  export type ChoiceList =
    | 'kinds'
    | 'image_sources'
    | 'hyperparameter_types'
    | 'scalings'
    | 'column_types';
}
