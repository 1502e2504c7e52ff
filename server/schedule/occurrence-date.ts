import { FREQUENCY_PERIODS, type Frequency } from "./frequencies";
import { addDays, addMonthsClamped, compareLocalDates, daysBetween, monthsBetween, parseLocalDate, type LocalDate } from "./local-date";

/**
 * The local date of occurrence `n` (0 = the anchor itself).
 *
 * Anchor-clamp rule (as Stripe bills): always computed as anchor + n × period from the
 * ORIGINAL anchor, never from the previous occurrence. For month periods the day is
 * clamped to the target month's length, so an anchor of Jan 31 gives Feb 28 (29 in leap
 * years), then Mar 31 again, Apr 30, … — the series never drifts to the 28th for good.
 */
export function occurrenceDate(anchor: LocalDate, frequency: Frequency, n: number): LocalDate {
  assertIndex(n);
  const period = FREQUENCY_PERIODS[frequency];
  return period.unit === "day" ? addDays(anchor, n * period.amount) : addMonthsClamped(anchor, n * period.amount);
}

/**
 * The largest index whose date is on or before `date`, or -1 when `date` precedes the
 * anchor. Computed in O(1), so callers can jump into a long series instead of walking it.
 */
export function indexOnOrBefore(anchor: LocalDate, frequency: Frequency, date: LocalDate): number {
  parseLocalDate(date); // validate up front: the day-period branch would otherwise accept garbage later
  if (compareLocalDates(date, anchor) < 0) return -1;
  const period = FREQUENCY_PERIODS[frequency];
  if (period.unit === "day") return Math.floor(daysBetween(anchor, date) / period.amount);
  // Same calendar month as `date` at most; the clamped day may still land after it.
  const k = Math.floor(monthsBetween(anchor, date) / period.amount);
  return compareLocalDates(occurrenceDate(anchor, frequency, k), date) > 0 ? k - 1 : k;
}

export function assertIndex(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Occurrence index must be a non-negative integer, got ${n}`);
  }
}
