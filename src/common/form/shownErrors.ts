/**
 * Which of the server's problems a form shows, and on which field: the
 * problems by the path the server named, the fields the user touched, and
 * their placement on the fields shown now (errors.ts).
 *
 * - A problem shows on its field once the field was touched or changed, and
 *   on every field after a submit; problems that name no visible field are
 *   `unplaced` (the form's summary).
 * - A field's problem is kept until that field changes.
 */
import { IPlacementOptions, IUnplacedError, placeErrors } from './errors';
import { valueAt } from './values';

/** The problems placed on the fields shown, and the rest. */
export interface IShownErrors {
  fields: Map<string, string>;
  unplaced: IUnplacedError[];
}

export class ShownErrors<V> {
  constructor(options: ShownErrors.IOptions<V>) {
    this.initial = options.value;
    this._fields = options.fields;
    this._placement = {
      aliases: options.aliases,
      describeMoved: options.describeMoved
    };
    this._valueAt = options.valueAt ?? valueAt;
  }

  /** The server's problems, by the path it named. */
  byPath = new Map<string, string>();

  /** The paths of the fields the user touched. */
  readonly touched = new Set<string>();

  /** The value the form started with: a field that differs from it changed. */
  initial: V;

  /**
   * The field of a problem's path changed from `before` to `after`: the
   * value at the path, or at the field it shows on (`s3_uri` shows on
   * `notebook.s3_uri`).
   */
  changedAt(before: V, after: V, path: string): boolean {
    const alias = this._placement.aliases?.[path];
    return (
      this._valueAt(before, path) !== this._valueAt(after, path) ||
      (alias !== undefined &&
        this._valueAt(before, alias) !== this._valueAt(after, alias))
    );
  }

  /**
   * Keep only the problems of the fields that did not change from `before`
   * to `after`, and that are not at or under an `edited` path.
   */
  keepUnchanged(before: V, after: V, edited: ReadonlyArray<string> = []): void {
    const kept = new Map<string, string>();
    for (const [path, msg] of this.byPath) {
      const isEdited = edited.some(
        changed => path === changed || path.startsWith(`${changed}.`)
      );
      if (!isEdited && !this.changedAt(before, after, path)) {
        kept.set(path, msg);
      }
    }
    this.byPath = kept;
  }

  /** The problems shown for `value`: on the fields it shows, and the rest. */
  place(value: V, submitted: boolean): IShownErrors {
    const visible = this._fields(value);
    const placed = placeErrors(this.byPath, visible, this._placement);
    if (!submitted) {
      for (const path of [...placed.fields.keys()]) {
        const changed =
          this._valueAt(this.initial, path) !== this._valueAt(value, path);
        if (!changed && !this.touched.has(path)) {
          placed.fields.delete(path);
        }
      }
    }
    return placed;
  }

  private _fields: (value: V) => ReadonlySet<string>;
  private _placement: IPlacementOptions;
  private _valueAt: (value: V, path: string) => unknown;
}

export namespace ShownErrors {
  export interface IOptions<V> extends IPlacementOptions {
    /** The value the form starts with. */
    value: V;
    /** The paths of the fields the form shows for a value (where problems land). */
    fields: (value: V) => ReadonlySet<string>;
    /**
     * The value at a field path, to tell which fields changed (default: the
     * path walked through the value's properties).
     */
    valueAt?: (value: V, path: string) => unknown;
  }
}
