/**
 * The form state of every form of the extension (the entry wizard, Train,
 * Deploy, Run locally, Clean Rooms ML, Publish to hub): values, touched and
 * submitted state, busy/status (model.ts), and the server's field problems
 * — asked as the user types (a debounced dry run: serverCheck.ts) and on
 * save — placed on the fields by the paths the server's `loc`s name
 * (errors.ts, shownErrors.ts).
 */
export {
  addError,
  describeUnplaced,
  errorsOf,
  pathOf,
  placeErrors,
  stripRoots,
  underPrefix,
  type FieldErrors,
  type IPlacementOptions,
  type IUnplacedError,
  type Loc
} from './errors';
export { FormModel } from './model';
export { CHECK_DELAY, type IVerdict } from './serverCheck';
export { numberOrText, valueAt } from './values';
export { useForm } from './useForm';
