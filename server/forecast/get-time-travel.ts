import "server-only";
import type { Database } from "@/db/client";
import { addMonthsClamped, daysBetween, type LocalDate } from "@/server/schedule";
import { invalid } from "@/server/errors/app-error";
import { emptyTally, timeTravelDays, walkBook, WindowClock, type ForecastOrder, type Segment, type TimeTravelDay, type WalkTally } from "./model";
import { defaultStartDate, segmentSink } from "./get-demand-forecast";
import { scanBook } from "./scan-book";

/** A listing this long is a report, not a time-travel view: narrow the segment instead. */
export const TIME_TRAVEL_MAX_ENTRIES = 5_000;

export interface TimeTravelInput {
  months: number;
  from?: LocalDate;
  segment: Segment;
}

export interface TimeTravelResult {
  now: string;
  startDate: LocalDate;
  endDate: LocalDate;
  days: TimeTravelDay[];
  totals: { orders: number; amountMinor: number; chargesMinor: number };
  tally: WalkTally;
}

/**
 * Day by day, the exact orders (lines, amounts) and payment-schedule charges generation will
 * create for a customer, a program or a segment over the next `months`: the book is copied,
 * `now` moves forward over it through planCycle / planGeneration, and nothing is written.
 */
export async function getTimeTravel(db: Database, input: TimeTravelInput, now: Date): Promise<TimeTravelResult> {
  const startDate = input.from ?? defaultStartDate(now);
  const endDate = addMonthsClamped(startDate, input.months);
  const clock = new WindowClock({ now, startDate, days: daysBetween(startDate, endDate) });
  const orders: ForecastOrder[] = [];
  const collect = segmentSink((o) => {
    if (orders.length >= TIME_TRAVEL_MAX_ENTRIES)
      throw invalid({ segment: `More than ${TIME_TRAVEL_MAX_ENTRIES} orders: choose a customer, program or narrower segment` });
    orders.push(o);
  }, input.segment);
  const tally = emptyTally();
  const catalog = await scanBook(db, input.segment, (chunk, c) => walkBook(chunk, c, clock, collect, tally));
  const days = timeTravelDays(orders, catalog.products);
  return {
    now: now.toISOString(),
    startDate,
    endDate,
    days,
    totals: {
      orders: days.reduce((a, d) => a + d.orders, 0),
      amountMinor: days.reduce((a, d) => a + d.amountMinor, 0),
      chargesMinor: days.reduce((a, d) => a + d.chargesMinor, 0),
    },
    tally,
  };
}
