/**
 * Local wall time ↔ instant conversion for IANA time zones using only `Intl.DateTimeFormat`,
 * so the same code runs on the server and in the browser (previews) without a tz library.
 *
 * DST rules (identical to Temporal's "compatible" disambiguation, so a later switch to
 * Temporal changes nothing):
 * - Nonexistent wall time (spring-forward gap): shift forward by the gap length.
 *   2027-03-14 02:30 America/New_York → 03:30 EDT (07:30Z).
 * - Repeated wall time (fall-back overlap): take the earlier instant.
 *   2027-11-07 01:30 America/New_York → 01:30 EDT (05:30Z), not 01:30 EST.
 */
import { formatLocalDate, pad2, parseLocalDate, toEpochDay, type LocalDate } from "./local-date";

/** Wall-clock time of day, `HH:MM`, 24-hour. */
export type LocalTime = string;

const LOCAL_TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export function isLocalTime(value: unknown): value is LocalTime {
  return typeof value === "string" && LOCAL_TIME_RE.test(value);
}

export function parseLocalTime(value: LocalTime): { hour: number; minute: number } {
  const match = LOCAL_TIME_RE.exec(value);
  if (!match) throw new RangeError(`Invalid local time "${value}" (expected HH:MM, 00:00–23:59)`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

// Building a DateTimeFormat is far slower than using one; schedules convert many dates per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * True for names `Intl` knows ("Europe/Paris", "UTC", legacy aliases like "US/Eastern").
 * Raw offsets ("+05:00") are rejected even where the engine accepts them: they are not IANA
 * zones, carry no DST rules, and older engines would throw on them.
 */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string" || timeZone === "" || /^[+-]/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  date: LocalDate;
  hour: number;
  minute: number;
  second: number;
  /** The wall clock read as if it were UTC, in epoch ms. */
  wallMs: number;
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  const { year = NaN, month = NaN, day = NaN, minute = NaN, second = NaN } = values;
  // Some engines print midnight as "24" even with h23; it still means 00 of that date.
  const hour = (values.hour ?? NaN) % 24;
  const date = formatLocalDate({ year, month, day });
  const wallMs = toEpochDay({ year, month, day }) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return { date, hour, minute, second, wallMs };
}

/** UTC offset (ms) in effect at an instant; `Intl` formats whole seconds, so drop the ms. */
function offsetAt(epochMs: number, timeZone: string): number {
  return wallClockAt(epochMs, timeZone).wallMs - (epochMs - mod(epochMs, 1000));
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** The instant at which the wall clock in `timeZone` shows `date` `localTime`, DST-correct. */
export function zonedInstant(date: LocalDate, localTime: LocalTime, timeZone: string): Date {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
  const { hour, minute } = parseLocalTime(localTime);
  const wallMs = toEpochDay(parseLocalDate(date)) * MS_PER_DAY + (hour * 60 + minute) * MS_PER_MINUTE;

  // Offsets a day either side bracket the answer (real offsets are within ±14 h), assuming
  // at most one transition in those 48 h — true of every zone's rules in practice.
  const before = offsetAt(wallMs - MS_PER_DAY, timeZone);
  const after = offsetAt(wallMs + MS_PER_DAY, timeZone);
  // A candidate is real if reading it back with its own offset yields the wall time.
  const matches = [wallMs - before, wallMs - after].filter((t) => t + offsetAt(t, timeZone) === wallMs);
  // Overlap → both match, take the earlier. Gap → neither matches: applying the pre-transition
  // offset lands after the transition, exactly "gap length" later on the wall clock.
  const epochMs = matches.length > 0 ? Math.min(...matches) : wallMs - before;
  return new Date(epochMs);
}

/** The wall-clock date and `HH:MM` time in `timeZone` at `instant`. */
export function toLocalDateTime(instant: Date, timeZone: string): { date: LocalDate; time: LocalTime } {
  const epochMs = instant.getTime();
  if (Number.isNaN(epochMs)) throw new RangeError("Invalid Date");
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
  const wall = wallClockAt(epochMs, timeZone);
  return { date: wall.date, time: `${pad2(wall.hour)}:${pad2(wall.minute)}` };
}

/** The calendar date in `timeZone` at `instant` (e.g. "which day is it for the customer now"). */
export function toLocalDate(instant: Date, timeZone: string): LocalDate {
  return toLocalDateTime(instant, timeZone).date;
}
