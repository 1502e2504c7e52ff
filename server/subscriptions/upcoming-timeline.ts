/**
 * What the customer sees as "upcoming shipments". Pure.
 *
 * Active: every cycle dated after `now`, from the earliest such cycle — which may lie before the
 * cursor: the first order is created at confirmation for a future date, and skipped cycles are
 * passed by the cursor but still shown (struck through) until their date. Paused: what would
 * ship after resuming (at `pausedUntil`, else now). Cancelled/completed: nothing.
 */
import { firstIndexAfter, zonedInstant, type LocalDate } from "../schedule";
import {
  cyclesFrom,
  firstShippableCycle,
  scheduleOf,
  type Cycle,
  type CycleOverrideRow,
  type SubscriptionScheduleRow,
} from "./subscription-schedule";
import type { SubscriptionStatus } from "./subscription-status";

export interface TimelineRow extends SubscriptionScheduleRow {
  status: SubscriptionStatus;
  nextCycleIndex: number;
  pausedUntil: LocalDate | null;
}

/** Start of the local day `date` in `timeZone`: when a pause "until" that date ends. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedInstant(date, "00:00", timeZone);
}

export function upcomingTimeline(row: TimelineRow, overrides: readonly CycleOverrideRow[], now: Date, count = 6): Cycle[] {
  if (row.status === "cancelled" || row.status === "completed") return [];
  if (row.status === "paused") {
    const until = row.pausedUntil ? startOfLocalDay(row.pausedUntil, row.timeZone) : now;
    const resumeAt = until.getTime() > now.getTime() ? until : now;
    const first = firstShippableCycle(row, overrides, row.nextCycleIndex, resumeAt);
    return first ? cyclesFrom(row, overrides, first.cycleIndex, count) : [];
  }
  const after = firstIndexAfter(scheduleOf(row), now);
  // One back from the engine's answer: a rescheduled cycle may sit later than its nominal date.
  const jump = after === null ? row.nextCycleIndex : Math.max(row.anchorIndex, row.anchorIndex + after - 1);
  const from = Math.min(jump, row.nextCycleIndex);
  return cyclesFrom(row, overrides, from, count + (row.nextCycleIndex - from) + 1)
    .filter((cycle) => cycle.cycleIndex >= row.nextCycleIndex || cycle.at.getTime() > now.getTime())
    .slice(0, count);
}
