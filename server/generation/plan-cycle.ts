import {
  firstIndexAfter,
  lastIndex,
  occurrenceDate,
  type EndCondition,
  type Frequency,
  type LocalDate,
  type ScheduleParams,
} from "@/server/schedule";
import type { CycleOverrideKind, EndKind } from "@/server/subscriptions/subscription-status";
import { cycleInstant } from "./cycle-instant";

/** The schedule columns of a subscription the planner needs (one row of the claim query). */
export interface ScheduleRow {
  frequency: Frequency;
  anchorDate: LocalDate;
  /** Cycle index the anchor date belongs to: cycle i is series occurrence i − anchorIndex. */
  anchorIndex: number;
  localTime: string;
  timeZone: string;
  endKind: EndKind;
  endCycles: number | null;
  endDate: LocalDate | null;
  /** The cursor: the next cycle not yet handled. */
  nextCycleIndex: number;
}

export interface CycleOverride {
  cycleIndex: number;
  kind: CycleOverrideKind;
  localDate: LocalDate | null;
}

export interface NextCycle {
  index: number;
  runAt: Date;
}
/** Inclusive range of cycles that fell due while nothing ran and get no order (catch-up rule). */
export interface MissedRange {
  from: number;
  to: number;
}

export type CyclePlan =
  /** Create the order of `cycleIndex`; then the cursor moves to `next`, or the series is complete. */
  | { kind: "order"; cycleIndex: number; runAt: Date; missed: MissedRange | null; next: NextCycle | null }
  /** The customer skipped / opted out of `cycleIndex`: no order, but the cursor advances. */
  | { kind: "skip"; cycleIndex: number; reason: "skip" | "opt_out"; missed: MissedRange | null; next: NextCycle | null }
  /** The cursor is already past the end condition: nothing left to generate. */
  | { kind: "complete" };

/**
 * Decides what generation does with a subscription at `now`. Pure; throws RangeError on
 * schedule data it cannot interpret (the caller counts that as a failure).
 *
 * The target cycle is the LATEST cycle due at `now` (catch-up rule, docs/generation.md):
 * cycles between the cursor and it are reported as missed, not generated. When nothing is
 * due yet (a caller asking for the first order at once), the target is the cursor itself.
 */
export function planCycle(row: ScheduleRow, overrides: ReadonlyMap<number, CycleOverride>, now: Date): CyclePlan {
  const params = scheduleParams(row);
  const last = lastIndex(params);
  const lastCycle = last === null ? Number.POSITIVE_INFINITY : last + row.anchorIndex;
  const cursor = row.nextCycleIndex;
  if (cursor < row.anchorIndex) throw new RangeError(`cursor ${cursor} precedes anchor index ${row.anchorIndex}`);
  if (cursor > lastCycle) return { kind: "complete" };

  // Fast path (every on-time run): the cycle after the cursor is not due yet, so it is `next`.
  let target = cursor;
  let nextAt = cursor + 1 <= lastCycle ? runAt(row, overrides, cursor + 1) : null;
  if (nextAt && nextAt.getTime() <= now.getTime()) {
    target = latestDue(params, row, overrides, lastCycle, now);
    nextAt = target + 1 <= lastCycle ? runAt(row, overrides, target + 1) : null;
  }
  const missed = target > cursor ? { from: cursor, to: target - 1 } : null;
  const next = nextAt ? { index: target + 1, runAt: nextAt } : null;
  const override = overrides.get(target);
  if (override?.kind === "skip" || override?.kind === "opt_out") {
    return { kind: "skip", cycleIndex: target, reason: override.kind, missed, next };
  }
  return { kind: "order", cycleIndex: target, runAt: runAt(row, overrides, target), missed, next };
}

/** The instant cycle `index` runs: its local date at the row's time of day, in its zone. */
function runAt(row: ScheduleRow, overrides: ReadonlyMap<number, CycleOverride>, index: number): Date {
  return cycleInstant(cycleLocalDate(row, overrides, index), row.localTime, row.timeZone);
}

/**
 * The local date cycle `index` runs on: its reschedule date if it has one, else its series date.
 * Exported so the forecast (server/forecast) dates an order exactly as generation does.
 */
export function cycleLocalDate(row: ScheduleRow, overrides: ReadonlyMap<number, CycleOverride>, index: number): LocalDate {
  const override = overrides.size > 0 ? overrides.get(index) : undefined;
  return override?.kind === "reschedule" && override.localDate
    ? override.localDate
    : occurrenceDate(row.anchorDate, row.frequency, index - row.anchorIndex);
}

/** Latest cycle whose (possibly rescheduled) instant is ≤ now; called when cursor + 1 is due. */
function latestDue(params: ScheduleParams, row: ScheduleRow, overrides: ReadonlyMap<number, CycleOverride>, lastCycle: number, now: Date): number {
  const isDue = (index: number) => runAt(row, overrides, index).getTime() <= now.getTime();
  const firstAfter = firstIndexAfter(params, now);
  let index = Math.min(firstAfter === null ? lastCycle : firstAfter + row.anchorIndex - 1, lastCycle);
  // A reschedule can move a nominally due cycle past now (walk back over it) …
  while (index > row.nextCycleIndex + 1 && !isDue(index)) index--;
  // … or a later cycle before now.
  for (const o of overrides.values()) {
    if (o.kind === "reschedule" && o.cycleIndex > index && o.cycleIndex <= lastCycle && isDue(o.cycleIndex)) index = o.cycleIndex;
  }
  return Math.max(index, row.nextCycleIndex + 1);
}

export function scheduleParams(row: ScheduleRow): ScheduleParams {
  return {
    anchorDate: row.anchorDate,
    frequency: row.frequency,
    localTime: row.localTime,
    timeZone: row.timeZone,
    end: endCondition(row),
  };
}

/** `endCycles` counts occurrences from the anchor (series index 0 = cycle anchorIndex). */
function endCondition(row: ScheduleRow): EndCondition {
  switch (row.endKind) {
    case "until_cancelled":
      return { kind: "until_cancelled" };
    case "after_cycles":
      if (row.endCycles === null) throw new RangeError("after_cycles without endCycles");
      return { kind: "after_cycles", cycles: row.endCycles };
    case "on_date":
      if (row.endDate === null) throw new RangeError("on_date without endDate");
      return { kind: "on_date", endDate: row.endDate };
  }
}
