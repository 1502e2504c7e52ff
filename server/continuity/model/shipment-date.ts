import { compareLocalDates, occurrenceDate, type Frequency, type LocalDate } from "@/server/schedule";
import { periodStartDate, programPeriodIndex } from "./program-calendar";
import type { Program } from "./program-schema";
import type { SubscriberState } from "./subscriber-state";

/**
 * Planned delivery date of occasion `shipmentIndex`.
 *
 * Standing: one occasion per program period, delivered on the period's first day — except
 * the join period, which ships on the join date (a mid-month joiner can't receive on the
 * 1st). Regular/perpetual: the subscriber's own cadence, anchored on the join date with
 * the schedule engine's clamp rule; the program period plays no part.
 */
export function shipmentDate(
  program: Pick<Program, "id" | "type" | "seriesStartDate" | "period">,
  state: Pick<SubscriberState, "joinedOn">,
  shipmentIndex: number,
  frequency?: Frequency,
): LocalDate {
  if (program.type === "standing") {
    if (frequency !== undefined && frequency !== program.period) {
      throw new RangeError(`Standing program ${program.id} ships once per ${program.period} period, not ${frequency}`);
    }
    const start = periodStartDate(program, programPeriodIndex(program, state.joinedOn) + shipmentIndex);
    return compareLocalDates(start, state.joinedOn) < 0 ? state.joinedOn : start;
  }
  const cadence = frequency ?? program.period;
  if (cadence === null) throw new RangeError(`Program ${program.id} has no period: pass the subscriber's frequency`);
  return occurrenceDate(state.joinedOn, cadence, shipmentIndex);
}
