/**
 * Pure schedule engine: local dates, DST-correct instants, end conditions.
 * No I/O and no `server-only`, so the browser can render previews with the same rules the
 * scheduler enforces. "Now" is always a parameter. Rules: docs/schedule.md.
 */
export { FREQUENCIES, FREQUENCY_LABELS, FREQUENCY_PERIODS, averagePeriodDays, isFrequency } from "./frequencies";
export type { Frequency, Period } from "./frequencies";
export {
  addDays,
  addMonthsClamped,
  compareLocalDates,
  daysBetween,
  daysInMonth,
  formatLocalDate,
  isLeapYear,
  isLocalDate,
  parseLocalDate,
  tryParseLocalDate,
} from "./local-date";
export type { LocalDate, LocalDateParts } from "./local-date";
export { DATE_RANGE, boundedInstant, boundedLocalDate, isLocalDateInRange } from "./date-range";
export { indexOnOrBefore, occurrenceDate } from "./occurrence-date";
export { isLocalTime, isValidTimeZone, parseLocalTime, toLocalDate, toLocalDateTime, zonedInstant } from "./zoned-time";
export type { LocalTime } from "./zoned-time";
export { END_CONDITION_KINDS, isFinished, lastIndex } from "./end-condition";
export type { EndCondition, EndConditionKind, SeriesParams } from "./end-condition";
export { firstIndexAfter, firstIndexOnOrAfter, nextOccurrence, occurrenceAt, occurrences } from "./occurrences";
export type { Occurrence, OccurrencesQuery, ScheduleParams } from "./occurrences";
export { suggestFrequency } from "./suggest-frequency";
export {
  endConditionSchema,
  frequencySchema,
  localDateSchema,
  localTimeSchema,
  scheduleParamsSchema,
  timeZoneSchema,
} from "./schedule-params.schema";
export type { ScheduleParamsInput } from "./schedule-params.schema";
