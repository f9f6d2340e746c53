/**
 * The rules the server serves (`GET /options` → `rules`, built by
 * shared_models_ext/domain/models/options.py from the constants its code
 * uses), and what they say of an entry or a status.
 *
 * For code that runs without the catalog at hand (the status polls of the
 * launch views and of My launches) they are recorded here by the catalog
 * session (src/catalog/session.ts) each time the options load. Until then
 * there are none, and nothing is assumed: no status is final, so a poll goes
 * on (it stops at its next answer once the rules are here).
 */
import type { ICanvasRules, IRules, IStatusRules } from '../api/types';

let recorded: IRules | null = null;

/** The rules last served, or null before the options first load. */
export function servedRules(): IRules | null {
  return recorded;
}

/** Keep the rules of a `GET /options` answer (null forgets them: tests). */
export function recordServedRules(rules: IRules | null): void {
  recorded = rules;
}

/** A kind of launch whose status is polled (`rules.statuses`). */
export type PolledKind = keyof IStatusRules;

/**
 * Whether `status` is final for a launch of `kind`, by the served rule;
 * false while the rules are not loaded (never stop polling early).
 */
export function isFinalStatus(
  kind: PolledKind,
  status: string,
  rules: IRules | null = servedRules()
): boolean {
  return rules?.statuses[kind].final.includes(status) ?? false;
}

/** What the entry rules look at: its kind and data type (as chosen so far). */
export interface IEntryKindAndType {
  kind: string;
  data_type: string;
}

/** Whether an entry may be shared with SageMaker Canvas users (`rules.share.canvas`). */
export function canvasAllowed(
  entry: IEntryKindAndType,
  rule: ICanvasRules
): boolean {
  return (
    rule.kinds.some(kind => kind === entry.kind) &&
    rule.data_types.some(dataType => dataType === entry.data_type)
  );
}

/**
 * Whether training an entry of `dataType` has a column format, and needs
 * one (`rules.training.column_format_data_types`).
 */
export function hasColumnFormat(
  dataType: string,
  rules: Pick<IRules, 'training'>
): boolean {
  return rules.training.column_format_data_types.some(
    type => type === dataType
  );
}
