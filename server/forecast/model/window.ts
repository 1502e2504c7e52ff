import { addDays, daysBetween, zonedInstant, type LocalDate } from "@/server/schedule";

/**
 * What the forecast covers: orders generation creates after `now` whose local date (in the
 * customer's own zone) lies in [startDate, startDate + days). `now` is the moment the copy of
 * the book was read; moving it forward is time travel.
 */
export interface ForecastWindow {
  now: Date;
  startDate: LocalDate;
  days: number;
}

/**
 * The window's per-zone arithmetic, memoized: the first instant past the window in a zone (a
 * walk stops there) and a local date's day index. Pure caches; they never change a result.
 */
export class WindowClock {
  readonly nowMs: number;
  readonly endDate: LocalDate;
  private readonly bounds = new Map<string, number>();
  private readonly dayIndexes = new Map<LocalDate, number>();

  constructor(readonly window: ForecastWindow) {
    if (!Number.isInteger(window.days) || window.days < 1) throw new RangeError(`days must be a positive integer, got ${window.days}`);
    this.nowMs = window.now.getTime();
    this.endDate = addDays(window.startDate, window.days);
  }

  /** First instant after the window's last local day in `timeZone`. */
  boundMs(timeZone: string): number {
    let bound = this.bounds.get(timeZone);
    if (bound === undefined) this.bounds.set(timeZone, (bound = zonedInstant(this.endDate, "00:00", timeZone).getTime()));
    return bound;
  }

  /** Day index of a local date in the window, or -1 outside it. */
  dayIndex(date: LocalDate): number {
    let index = this.dayIndexes.get(date);
    if (index === undefined) {
      const d = daysBetween(this.window.startDate, date);
      index = d >= 0 && d < this.window.days ? d : -1;
      this.dayIndexes.set(date, index);
    }
    return index;
  }
}
