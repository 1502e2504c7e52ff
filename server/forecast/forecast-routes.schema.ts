/**
 * Contracts of the staff forecast routes (app/api/v1/admin/forecast/**): the demand forecast and
 * its CSV export, time travel, what-if and the frequency report. The answers mirror the pure
 * model's result types (server/forecast/model); reply() type-checks one against the other.
 */
import { z } from "zod";
import { responseSchemas } from "../http/named-schemas";
import { defineRoute } from "../http/route-contract";
import { FREQUENCIES } from "../schedule";
import { forecastQuerySchema, timeTravelQuerySchema, whatIfRequestSchema } from "./forecast.schema";
import type { ForecastOutcome } from "./model";

const instant = z.string().meta({ format: "date-time" });
const localDate = z.string().meta({ format: "date" });
const int = z.number().int();
const frequency = z.enum(FREQUENCIES);

const OUTCOMES = ["order", "skip", "opted_out", "missed", "blocked"] as const satisfies readonly ForecastOutcome[];

export const periodTotalsSchema = z
  .object({
    start: localDate,
    orders: int,
    units: int,
    /** Σ catalog price × quantity of the orders (what insertOrders prices them at). */
    revenueMinor: int,
    /** Orders whose total exceeds the approval threshold (they wait in manual review); 0 without one. */
    needApproval: int,
  })
  .register(responseSchemas, { id: "ForecastPeriodTotals" });

export const skuDemandSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  /** Stock not yet promised to an existing order (on hand − reserved). */
  available: int,
  onHand: int,
  /** Units per week of the window (week w = days 7w … 7w + 6). */
  weekly: z.array(int),
  /** Units per day for the first 14 days (fewer when the window is shorter). */
  daily: z.array(int),
  total: int,
  /** First week whose cumulative demand exceeds `available`; null when stock lasts. */
  firstShortWeek: int.nullable(),
});

export const demandForecastSchema = z
  .object({
    startDate: localDate,
    weeks: int,
    skus: z.array(skuDemandSchema),
    weekly: z.array(periodTotalsSchema),
    daily: z.array(periodTotalsSchema),
    /** Cycles passed without an order (skips, opt-outs, missed occasions). */
    skipped: int,
    /** Program occasions blocked on a phantom without a substitute. */
    blocked: int,
  })
  .register(responseSchemas, { id: "DemandForecast" });

/** What the walk met: subscriptions and enrollments, those generation would fail on, revisions not in the catalog. */
export const walkTallySchema = z
  .object({ subscriptions: int, enrollments: int, failing: int, unknownProgram: int })
  .register(responseSchemas, { id: "ForecastWalkTally" });

export const demandForecastResultSchema = demandForecastSchema.extend({
  now: instant,
  tally: walkTallySchema,
  /** Subscriptions served from a shared walk (hits) vs walked (misses). */
  memo: z.object({ hits: int, misses: int }),
});

export const timeTravelEntrySchema = z.object({
  subscriptionId: z.string(),
  customerId: z.string(),
  cycleIndex: int,
  outcome: z.enum(OUTCOMES),
  scheduledFor: instant,
  generatedAt: instant,
  /** Empty unless outcome is "order": the order's one line. */
  lines: z.array(z.object({ productId: z.string(), sku: z.string(), name: z.string(), quantity: int, unitPriceMinor: int })),
  amountMinor: int,
  /** Payment-schedule entries the occasion books (programs): charge, and credit for an opt-out. */
  chargeMinor: int,
  creditMinor: int,
  program: z
    .object({
      programId: z.string(),
      revision: int,
      eventNumber: int,
      seriesProductId: z.string(),
      substituted: z.boolean(),
      chargeMinor: int,
      creditMinor: int,
    })
    .nullable(),
});

export const timeTravelResultSchema = z.object({
  now: instant,
  startDate: localDate,
  endDate: localDate,
  days: z.array(z.object({ date: localDate, entries: z.array(timeTravelEntrySchema), orders: int, amountMinor: int, chargesMinor: int })),
  totals: z.object({ orders: int, amountMinor: int, chargesMinor: int }),
  tally: walkTallySchema,
});

export const whatIfResultSchema = z.object({
  now: instant,
  base: demandForecastSchema,
  draft: demandForecastSchema,
  difference: z.object({
    /** Units per week, base vs draft, for every SKU either side has. */
    skus: z.array(
      z.object({ productId: z.string(), sku: z.string(), name: z.string(), base: z.array(int), draft: z.array(int), delta: z.array(int) }),
    ),
    weekly: z.array(z.object({ start: localDate, base: periodTotalsSchema, draft: periodTotalsSchema })),
  }),
});

export const frequencySuggestionRowSchema = z.object({
  subscriptionId: z.string(),
  customerId: z.string(),
  customerEmail: z.string(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  frequency,
  suggested: frequency.nullable(),
  /** Distinct order days, oldest first. */
  orderDays: z.array(localDate),
  /** Median gap between consecutive order days (what suggestFrequency rounds); null below two days. */
  medianGapDays: z.number().nullable(),
});

const admin = "/api/v1/admin/forecast";
const tag = "Forecast (admin)";

export const forecastRoutes = {
  demand: defineRoute({
    method: "GET",
    path: admin,
    summary: "Units per SKU per week (and day), orders and revenue for the next 1–26 weeks, from the live book; nothing is written",
    tag,
    query: forecastQuerySchema,
    response: demandForecastResultSchema,
    errors: [401, 403, 422],
  }),
  export: defineRoute({
    method: "GET",
    path: `${admin}/export`,
    summary: "The demand forecast as CSV (an attachment): one row per SKU, units per week, stock and the first short week",
    tag,
    query: forecastQuerySchema,
    responseMediaType: "text/csv",
    response: z.string().meta({
      description: "RFC 4180 with a header row: sku, name, on_hand, available, week_of_<date>…, total, first_short_week_of",
    }),
    errors: [401, 403, 422],
  }),
  timeTravel: defineRoute({
    method: "GET",
    path: `${admin}/time-travel`,
    summary: "Day by day, the exact orders and charges generation will create for a customer, program or segment; 422 past 5,000 entries",
    tag,
    query: timeTravelQuerySchema,
    response: timeTravelResultSchema,
    errors: [401, 403, 422],
  }),
  whatIf: defineRoute({
    method: "POST",
    path: `${admin}/what-if`,
    summary:
      "The forecast with a draft change (prices, substitutions, a program's draft, the approval threshold) beside the current one; saves nothing",
    tag,
    body: whatIfRequestSchema,
    response: whatIfResultSchema,
    errors: [400, 401, 403, 404, 422],
  }),
  frequencySuggestions: defineRoute({
    method: "GET",
    path: `${admin}/frequency-suggestions`,
    summary: "Subscribers whose reorder rhythm (one-off orders of the product) differs from their frequency, with the evidence",
    tag,
    response: z.object({ rows: z.array(frequencySuggestionRowSchema) }),
    errors: [401, 403],
  }),
};
