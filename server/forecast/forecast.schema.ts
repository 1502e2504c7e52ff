import { z } from "zod";
import { substitutionSchema } from "@/server/continuity/model";
import { FREQUENCIES, localDateSchema, timeZoneSchema } from "@/server/schedule";

const uuid = z.uuid({ error: "Must be a UUID" });

/** GET /api/v1/admin/forecast (and /forecast.csv): the window and an optional segment. */
export const forecastQuerySchema = z.object({
  weeks: z.coerce
    .number({ error: "Weeks must be a number" })
    .int({ error: "Weeks must be a whole number" })
    .min(1, { error: "Weeks must be at least 1" })
    .max(26, { error: "Weeks must be at most 26" })
    .default(8),
  /** First local date of the window (default: today in UTC). */
  from: localDateSchema.optional(),
  productId: uuid.optional(),
  frequency: z.enum(FREQUENCIES, { error: "Unknown frequency" }).optional(),
  timeZone: timeZoneSchema.optional(),
  programId: uuid.optional(),
  revision: z.coerce.number().int().min(1).optional(),
});
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;

/** GET /api/v1/admin/forecast/time-travel: a customer, a program, or a segment, for N months. */
export const timeTravelQuerySchema = forecastQuerySchema.omit({ weeks: true }).extend({
  months: z.coerce
    .number({ error: "Months must be a number" })
    .int({ error: "Months must be a whole number" })
    .min(1, { error: "Months must be at least 1" })
    .max(12, { error: "Months must be at most 12" })
    .default(3),
  customerId: uuid.optional(),
  subscriptionId: uuid.optional(),
});
export type TimeTravelQuery = z.infer<typeof timeTravelQuerySchema>;

/** POST /api/v1/admin/forecast/what-if: a draft change, never saved. */
export const whatIfRequestSchema = z
  .object({
    weeks: z.number().int().min(1, { error: "Weeks must be at least 1" }).max(26, { error: "Weeks must be at most 26" }).default(8),
    from: localDateSchema.optional(),
    prices: z
      .array(
        z.object({
          productId: uuid,
          priceMinor: z.number().int({ error: "Price must be whole minor units" }).min(0, { error: "Price cannot be negative" }),
        }),
      )
      .max(1000)
      .optional(),
    substitutions: z.object({ programId: uuid, substitutions: z.array(substitutionSchema).max(1000) }).optional(),
    /** A draft revision of the program (its stored draft is used when `revision` is omitted). */
    programRevision: z.object({ programId: uuid }).optional(),
    approvalThresholdMinor: z.number().int().min(0, { error: "Threshold cannot be negative" }).optional(),
  })
  .refine((d) => d.prices?.length || d.substitutions || d.programRevision || d.approvalThresholdMinor !== undefined, {
    error: "Give at least one change: prices, substitutions, programRevision or approvalThresholdMinor",
  });
export type WhatIfRequest = z.infer<typeof whatIfRequestSchema>;
