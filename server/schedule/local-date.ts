/**
 * Calendar dates with no time zone ("2027-03-14"), as plain `YYYY-MM-DD` strings.
 *
 * Why strings and not JS `Date`: a `Date` is an instant, so every "local date" stored in one
 * silently picks up the time zone of whichever machine (server, browser) touches it. Strings
 * sort, compare and serialize (JSON, Postgres `date`) without that trap. The arithmetic below
 * is done on day numbers with pure integer math, so it cannot depend on the host zone either.
 */

export type LocalDate = string;

export interface LocalDateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

// Four-digit years only: keeps lexicographic order equal to chronological order.
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses without throwing; `null` for anything that is not a real calendar date. */
export function tryParseLocalDate(value: string): LocalDateParts | null {
  const match = LOCAL_DATE_RE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === "string" && tryParseLocalDate(value) !== null;
}

export function parseLocalDate(value: LocalDate): LocalDateParts {
  const parts = tryParseLocalDate(value);
  if (!parts) throw new RangeError(`Invalid local date "${value}" (expected a real date as YYYY-MM-DD)`);
  return parts;
}

export function formatLocalDate({ year, month, day }: LocalDateParts): LocalDate {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

export function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
 * `days_from_civil`). Integer-only, so it is exact for every supported year.
 */
export function toEpochDay({ year, month, day }: LocalDateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0, so the leap day is the last day of the "year".
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link toEpochDay} (Hinnant's `civil_from_days`). */
export function fromEpochDay(epochDay: number): LocalDateParts {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return formatLocalDate(fromEpochDay(toEpochDay(parseLocalDate(date)) + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(parseLocalDate(to)) - toEpochDay(parseLocalDate(from));
}

/**
 * Adds calendar months, clamping the day to the target month's length
 * (Jan 31 + 1 month = Feb 28/29). Callers must always add to the ORIGINAL date:
 * chaining clamped results drifts (Jan 31 → Feb 28 → Mar 28 …).
 */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const zeroBased = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(zeroBased / 12);
  const targetMonth = zeroBased - targetYear * 12 + 1;
  return formatLocalDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Calendar-month difference ignoring days: 2027-01-31 → 2027-02-01 is 1. */
export function monthsBetween(from: LocalDate, to: LocalDate): number {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** -1, 0 or 1. Valid `YYYY-MM-DD` strings order lexicographically = chronologically. */
export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
