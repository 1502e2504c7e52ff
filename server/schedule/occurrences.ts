import { isFinished, lastIndex, type SeriesParams } from "./end-condition";
import type { LocalDate } from "./local-date";
import { assertIndex, indexOnOrBefore, occurrenceDate } from "./occurrence-date";
import { toLocalDate, zonedInstant, type LocalTime } from "./zoned-time";

export interface ScheduleParams extends SeriesParams {
  /** Wall-clock time of day every occurrence runs at, `HH:MM`. */
  localTime: LocalTime;
  /** IANA zone the anchor date and local time are expressed in. */
  timeZone: string;
}

export interface Occurrence {
  index: number;
  localDate: LocalDate;
  at: Date;
}

/** Occurrence `index`, or `null` if the end condition excludes it. */
export function occurrenceAt(params: ScheduleParams, index: number): Occurrence | null {
  if (isFinished(params, index)) return null;
  const localDate = occurrenceDate(params.anchorDate, params.frequency, index);
  return { index, localDate, at: zonedInstant(localDate, params.localTime, params.timeZone) };
}

export interface OccurrencesQuery {
  /** First index to consider (default 0). */
  fromIndex?: number;
  /** Maximum number of occurrences to return; fewer when the series ends first. */
  count: number;
  /** Only occurrences strictly after this instant. */
  after?: Date;
}

/** Up to `count` consecutive occurrences from `fromIndex` (and after `after`), respecting the end. */
export function occurrences(params: ScheduleParams & OccurrencesQuery): Occurrence[] {
  const { fromIndex = 0, count, after } = params;
  assertIndex(fromIndex);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);

  let start: number | null = fromIndex;
  if (after) {
    const firstAfter = firstIndexAfter(params, after);
    start = firstAfter === null ? null : Math.max(fromIndex, firstAfter);
  }
  const result: Occurrence[] = [];
  for (let index = start; index !== null && result.length < count; index++) {
    const occurrence = occurrenceAt(params, index);
    if (!occurrence) break;
    result.push(occurrence);
  }
  return result;
}

/**
 * First index whose instant is at or after `now`; `null` if the series has ended by then.
 * Use it to resume after a pause (skip what fell inside the pause) and to decide what
 * catch-up means after downtime (everything from the stored cursor up to this index is due).
 */
export function firstIndexOnOrAfter(params: ScheduleParams, now: Date): number | null {
  return firstIndexWhere(params, now, (at) => at.getTime() >= now.getTime());
}

/** First index whose instant is strictly after `instant`; `null` if the series has ended. */
export function firstIndexAfter(params: ScheduleParams, instant: Date): number | null {
  return firstIndexWhere(params, instant, (at) => at.getTime() > instant.getTime());
}

/** The first occurrence at or after `now`, or `null` when none remain. */
export function nextOccurrence(params: ScheduleParams, now: Date): Occurrence | null {
  const index = firstIndexOnOrAfter(params, now);
  return index === null ? null : occurrenceAt(params, index);
}

function firstIndexWhere(params: ScheduleParams, instant: Date, isHit: (at: Date) => boolean): number | null {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid Date");
  const at = (index: number) => zonedInstant(occurrenceDate(params.anchorDate, params.frequency, index), params.localTime, params.timeZone);
  // Jump to the last occurrence dated on or before the local "today", then correct by walking.
  // Instants are non-decreasing in the index, but a DST gap can push an earlier date's wall
  // time past midnight (Samoa skipped 2011-12-30 entirely), hence the backward step.
  const today = toLocalDate(instant, params.timeZone);
  let index = Math.max(0, indexOnOrBefore(params.anchorDate, params.frequency, today));
  while (index > 0 && isHit(at(index - 1))) index--;
  const last = lastIndex(params);
  while (last === null || index <= last) {
    if (isHit(at(index))) return index;
    index++;
  }
  return null;
}
