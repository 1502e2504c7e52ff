import "server-only";
import type { Database } from "@/db/client";
import { toLocalDate, type LocalDate } from "@/server/schedule";
import {
  aggregateBook,
  CycleDayMemo,
  DemandAccumulator,
  emptyTally,
  orderInSegment,
  WindowClock,
  type DemandForecast,
  type ForecastSink,
  type Segment,
  type WalkTally,
} from "./model";
import { scanBook } from "./scan-book";

export interface DemandForecastInput {
  weeks: number;
  from?: LocalDate;
  segment?: Segment;
}

/** `memo`: subscriptions served from a shared walk vs walked (see CycleDayMemo). */
export type DemandForecastResult = DemandForecast & { now: string; tally: WalkTally; memo: { hits: number; misses: number } };

/** Default first day of a window: today in UTC (each order still counts on its customer's local date). */
export const defaultStartDate = (now: Date): LocalDate => toLocalDate(now, "UTC");

/** The segment a request's filters describe (the query schemas' optional fields). */
export function segmentOf(q: Partial<Record<keyof Segment, unknown>> & Segment): Segment {
  const segment: Segment = {};
  for (const k of ["customerId", "subscriptionId", "productId", "frequency", "timeZone", "programId", "revision"] as const) {
    if (q[k] !== undefined) (segment as Record<string, unknown>)[k] = q[k];
  }
  return segment;
}

/** Keeps only the segment's product (the other filters select subscriptions before the walk). */
export const segmentSink = (sink: ForecastSink, segment: Segment): ForecastSink =>
  segment.productId === undefined ? sink : (o) => orderInSegment(o, segment) && sink(o);

/**
 * Units per SKU per week (and per day for 14 days), orders and revenue, from every active and
 * paused subscription and active enrollment, as generation will create them from `now` on.
 * One streamed read of the book, pure replay, typed-array aggregation; nothing written.
 */
export async function getDemandForecast(db: Database, input: DemandForecastInput, now: Date): Promise<DemandForecastResult> {
  const segment = input.segment ?? {};
  const clock = new WindowClock({ now, startDate: input.from ?? defaultStartDate(now), days: input.weeks * 7 });
  const tally = emptyTally();
  const memo = new CycleDayMemo(clock);
  let acc: DemandAccumulator | undefined;
  const catalog = await scanBook(
    db,
    segment,
    (chunk, c) => aggregateBook(chunk, c, clock, acc!, memo, tally, segment.productId),
    (c) => (acc = new DemandAccumulator(clock, (id) => c.products.get(id)?.priceMinor ?? 0)),
  );
  return { ...acc!.result(catalog.products), now: now.toISOString(), tally, memo: { hits: memo.hits, misses: memo.misses } };
}
