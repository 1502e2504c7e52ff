import type { Frequency } from "./frequencies";
import type { LocalDate } from "./local-date";
import { assertIndex, indexOnOrBefore } from "./occurrence-date";

export const END_CONDITION_KINDS = ["until_cancelled", "after_cycles", "on_date"] as const;
export type EndConditionKind = (typeof END_CONDITION_KINDS)[number];

export type EndCondition =
  | { kind: "until_cancelled" }
  /** Exactly `cycles` occurrences: indexes 0 … cycles − 1. */
  | { kind: "after_cycles"; cycles: number }
  /** Inclusive, compared with each occurrence's LOCAL date (not its UTC instant). */
  | { kind: "on_date"; endDate: LocalDate };

/** What decides which dates belong to a series; time of day and zone don't. */
export interface SeriesParams {
  anchorDate: LocalDate;
  frequency: Frequency;
  end: EndCondition;
}

/**
 * Index of the final occurrence; `null` when the series never ends; -1 when it is empty
 * (end date before the anchor — the schema forbids that, but stored data may not be clean).
 *
 * Counted on the series' nominal dates: skips and per-cycle date overrides don't change it,
 * so "6 cycles" means indexes 0–5 whatever happened to each of them.
 */
export function lastIndex(params: SeriesParams): number | null {
  const { end } = params;
  switch (end.kind) {
    case "until_cancelled":
      return null;
    case "after_cycles":
      return end.cycles - 1;
    case "on_date":
      return indexOnOrBefore(params.anchorDate, params.frequency, end.endDate);
  }
}

/**
 * True when occurrence `index` lies past the end condition — it produces no order, and
 * neither does any later index. Pass the next index to run to ask "is this subscription done?".
 */
export function isFinished(params: SeriesParams, index: number): boolean {
  assertIndex(index);
  const last = lastIndex(params);
  return last !== null && index > last;
}
