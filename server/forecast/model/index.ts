/**
 * Pure forecast core: replays generation on a copy of the book (the same planCycle and
 * planGeneration generation runs, `now` moved forward, nothing written) and aggregates what it
 * would create. No I/O, no `server-only`. Rules: docs/forecast.md.
 */
export { NO_OPT_OUTS, NO_OVERRIDES, programKey } from "./book";
export type { BookEnrollment, BookProduct, BookSubscription, ForecastCatalog } from "./book";
export type { ForecastOrder, ForecastOutcome, ForecastSink } from "./forecast-order";
export { WindowClock } from "./window";
export type { ForecastWindow } from "./window";
export { walkSubscription } from "./walk-subscription";
export { walkEnrollment } from "./walk-enrollment";
export { emptyTally, walkBook } from "./walk-book";
export type { WalkTally } from "./walk-book";
export { DAILY_DAYS, DemandAccumulator, firstShortWeek } from "./demand";
export type { DemandForecast, PeriodTotals, SkuDemand } from "./demand";
export { demandCsv } from "./demand-csv";
export { applyDraftToCatalog, applyDraftToEnrollment, diffForecasts } from "./what-if";
export type { ForecastDifference, SkuDifference, WeekDifference, WhatIfDraft } from "./what-if";
export { enrollmentInSegment, orderInSegment, subscriptionInSegment } from "./segment";
export type { Segment } from "./segment";
export { timeTravelDays } from "./time-travel-days";
export type { TimeTravelDay, TimeTravelEntry, TimeTravelLine } from "./time-travel-days";
export { aggregateBook, CycleDayMemo } from "./aggregate-book";
export { frequencyEvidence } from "./frequency-evidence";
export type { FrequencyEvidence } from "./frequency-evidence";
