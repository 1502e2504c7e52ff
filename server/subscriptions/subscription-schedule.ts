/**
 * A stored subscription's schedule, with its per-cycle overrides, in terms of the pure engine
 * (server/schedule). Pure: no I/O, "now" passed in; the lifecycle use-cases, the detail view
 * and the generator all read cycles through it so they agree.
 *
 * Cycle indexes are global for a subscription (orders and overrides are keyed by them and never
 * reused). A frequency change re-anchors: `anchorIndex` is the global index of the new anchor,
 * so the engine's occurrence n is global cycle `anchorIndex + n`, and an `after_cycles` end
 * counts from the anchor (`endCycles` is rewritten to the remaining count on re-anchor).
 */
import {
  firstIndexOnOrAfter,
  lastIndex,
  occurrenceAt,
  zonedInstant,
  type EndCondition,
  type Frequency,
  type LocalDate,
  type ScheduleParams,
} from "../schedule";
import type { CycleOverrideKind, EndKind } from "./subscription-status";

export interface SubscriptionScheduleRow {
  anchorDate: LocalDate;
  anchorIndex: number;
  frequency: Frequency;
  localTime: string;
  timeZone: string;
  endKind: EndKind;
  endCycles: number | null;
  endDate: LocalDate | null;
}

export interface CycleOverrideRow {
  cycleIndex: number;
  kind: CycleOverrideKind;
  localDate: LocalDate | null;
}

export interface Cycle {
  cycleIndex: number;
  /** The series date (anchor-clamp rule). */
  nominalDate: LocalDate;
  /** The date it ships: the reschedule override if any, else the nominal date. */
  localDate: LocalDate;
  /** `localTime` on `localDate` in the subscription's zone. */
  at: Date;
  /** Skipped or opted out: produces no order. */
  skipped: boolean;
  rescheduled: boolean;
}

export function endConditionOf(row: Pick<SubscriptionScheduleRow, "endKind" | "endCycles" | "endDate">): EndCondition {
  switch (row.endKind) {
    case "until_cancelled":
      return { kind: "until_cancelled" };
    case "after_cycles":
      return { kind: "after_cycles", cycles: row.endCycles ?? 0 };
    case "on_date":
      // The table's CHECK makes this impossible; fail loudly rather than invent an end.
      if (!row.endDate) throw new RangeError("on_date subscription without an end date");
      return { kind: "on_date", endDate: row.endDate };
  }
}

/** Engine parameters for the current anchor (engine index 0 = global cycle `anchorIndex`). */
export function scheduleOf(row: SubscriptionScheduleRow): ScheduleParams {
  return {
    anchorDate: row.anchorDate,
    frequency: row.frequency,
    localTime: row.localTime,
    timeZone: row.timeZone,
    end: endConditionOf(row),
  };
}

/** Global index of the last cycle; null when the series never ends; below `anchorIndex` when empty. */
export function lastCycleIndex(row: SubscriptionScheduleRow): number | null {
  const last = lastIndex(scheduleOf(row));
  return last === null ? null : row.anchorIndex + last;
}

const byIndex = (overrides: readonly CycleOverrideRow[]) => new Map(overrides.map((o) => [o.cycleIndex, o]));

/** Cycle `cycleIndex` with its override applied; null when the end condition excludes it. */
export function cycleAt(row: SubscriptionScheduleRow, overrides: readonly CycleOverrideRow[], cycleIndex: number): Cycle | null {
  return cycleFrom(row, byIndex(overrides), cycleIndex);
}

function cycleFrom(row: SubscriptionScheduleRow, overrides: ReadonlyMap<number, CycleOverrideRow>, cycleIndex: number): Cycle | null {
  const n = cycleIndex - row.anchorIndex;
  if (n < 0) throw new RangeError(`Cycle ${cycleIndex} is before the anchor (cycle ${row.anchorIndex})`);
  const occurrence = occurrenceAt(scheduleOf(row), n);
  if (!occurrence) return null;
  const override = overrides.get(cycleIndex);
  // A skip keeps the date a cycle had been moved to, so that unskipping restores it.
  const movedTo = override?.localDate ?? null;
  const rescheduled = movedTo !== null;
  const localDate = movedTo ?? occurrence.localDate;
  return {
    cycleIndex,
    nominalDate: occurrence.localDate,
    localDate,
    at: movedTo ? zonedInstant(movedTo, row.localTime, row.timeZone) : occurrence.at,
    skipped: override?.kind === "skip" || override?.kind === "opt_out",
    rescheduled,
  };
}

/**
 * The first cycle at or after `fromIndex` that will produce an order (not skipped), and —
 * when `notBefore` is given — whose instant is at or after it (resume: what fell inside the
 * pause is not made up). Null when the series has ended.
 */
export function firstShippableCycle(
  row: SubscriptionScheduleRow,
  overrides: readonly CycleOverrideRow[],
  fromIndex: number,
  notBefore?: Date,
): Cycle | null {
  const map = byIndex(overrides);
  let index = Math.max(fromIndex, row.anchorIndex);
  if (notBefore) {
    // Jump over the past in O(1). Step back one: a reschedule may move a cycle up to (not
    // onto) the next nominal date, so only the cycle just before the jump can still be due.
    const params = scheduleOf(row);
    const first = firstIndexOnOrAfter(params, notBefore);
    const last = lastCycleIndex(row);
    const jump = first === null ? (last ?? index) : row.anchorIndex + first - 1;
    index = Math.max(index, jump);
  }
  for (; ; index++) {
    const cycle = cycleFrom(row, map, index);
    if (!cycle) return null;
    if (cycle.skipped) continue;
    if (notBefore && cycle.at.getTime() < notBefore.getTime()) continue;
    return cycle;
  }
}

/** Up to `count` consecutive cycles from `fromIndex`, skipped ones included (for timelines). */
export function cyclesFrom(row: SubscriptionScheduleRow, overrides: readonly CycleOverrideRow[], fromIndex: number, count: number): Cycle[] {
  const map = byIndex(overrides);
  const result: Cycle[] = [];
  for (let index = Math.max(fromIndex, row.anchorIndex); result.length < count; index++) {
    const cycle = cycleFrom(row, map, index);
    if (!cycle) break;
    result.push(cycle);
  }
  return result;
}
