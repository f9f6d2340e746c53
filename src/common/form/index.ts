/**
 * One form-state module for every form of the extension (the entry wizard,
 * Train, Deploy, Run locally, Clean Rooms ML, Publish to hub): values,
 * touched and submitted state, busy/status, and the server's field problems
 * — asked as the user types (a debounced dry run) and on save — placed on
 * the fields by the paths the server's `loc`s name.
 */
export {
  addError,
  errorsOf,
  pathOf,
  placeErrors,
  stripRoots,
  type FieldErrors,
  type IPlacementOptions,
  type IUnplacedError,
  type Loc
} from './errors';
export {
  CHECK_DELAY,
  describeUnplaced,
  FormModel,
  numberOrText,
  underPrefix,
  valueAt,
  type IVerdict
} from './model';
export { useForm } from './useForm';
