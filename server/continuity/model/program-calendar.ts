import { indexOnOrBefore, occurrenceDate, type Frequency, type LocalDate } from "@/server/schedule";
import type { Program } from "./program-schema";

type CalendarProgram = Pick<Program, "id" | "seriesStartDate" | "period">;

/**
 * The program-wide period calendar ("month 4 of the series") that standing programs and
 * the `current_event` start rule read. Periods are whole periods from `seriesStartDate`
 * with the schedule engine's anchor-clamp rule, so a series starting on the 31st keeps
 * the 31st (or the month's last day) as every period's first day.
 */
export function programPeriodIndex(program: CalendarProgram, date: LocalDate): number {
  const { seriesStartDate, period } = requireCalendar(program);
  // Joining before the series starts means waiting for period 0, i.e. event 1.
  return Math.max(0, indexOnOrBefore(seriesStartDate, period, date));
}

/** First day of program period `periodIndex`. */
export function periodStartDate(program: CalendarProgram, periodIndex: number): LocalDate {
  const { seriesStartDate, period } = requireCalendar(program);
  return occurrenceDate(seriesStartDate, period, periodIndex);
}

function requireCalendar(program: CalendarProgram): { seriesStartDate: LocalDate; period: Frequency } {
  const { seriesStartDate, period } = program;
  // The schema requires both wherever they are read; reaching here without them is a caller bug.
  if (seriesStartDate === null || period === null) {
    throw new RangeError(`Program ${program.id} has no series calendar (seriesStartDate and period)`);
  }
  return { seriesStartDate, period };
}
