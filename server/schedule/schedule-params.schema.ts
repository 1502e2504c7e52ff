import { z } from "zod";
import type { EndCondition } from "./end-condition";
import { FREQUENCIES } from "./frequencies";
import { boundedLocalDate } from "./date-range";
import { compareLocalDates, isLocalDate } from "./local-date";
import type { ScheduleParams } from "./occurrences";
import { isLocalTime, isValidTimeZone } from "./zoned-time";

// Field-level schemas are exported so forms can validate one input at a time.
// Bounded to DATE_RANGE: a year-9999 anchor is a real date but breaks every schedule page.
export const localDateSchema = boundedLocalDate();
export const localTimeSchema = z.string().refine(isLocalTime, { error: "Enter a time as HH:MM (00:00–23:59)" });
export const timeZoneSchema = z.string().refine(isValidTimeZone, { error: "Unknown time zone" });
export const frequencySchema = z.enum(FREQUENCIES, { error: "Choose a frequency" });

export const endConditionSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("until_cancelled") }),
    z.object({
      kind: z.literal("after_cycles"),
      cycles: z
        .number({ error: "Cycles must be a positive integer" })
        .int({ error: "Cycles must be a positive integer" })
        .positive({ error: "Cycles must be a positive integer" })
        // Guard against absurd values that would only ever be typos.
        .max(10_000, { error: "Cycles must be at most 10000" }),
    }),
    z.object({ kind: z.literal("on_date"), endDate: localDateSchema }),
  ],
  { error: "Choose how the subscription ends" },
) satisfies z.ZodType<EndCondition>;

export const scheduleParamsSchema = z
  .object({
    anchorDate: localDateSchema,
    frequency: frequencySchema,
    localTime: localTimeSchema,
    timeZone: timeZoneSchema,
    end: endConditionSchema,
  })
  .superRefine((params, ctx) => {
    // Zod still runs this after a failed `refine`, so re-check both dates before comparing.
    // Equal is allowed: a series that ends on its anchor date has exactly one occurrence.
    const { end, anchorDate } = params;
    if (end.kind !== "on_date" || !isLocalDate(end.endDate) || !isLocalDate(anchorDate)) return;
    if (compareLocalDates(end.endDate, anchorDate) < 0) {
      ctx.addIssue({ code: "custom", path: ["end", "endDate"], message: "End date must be on or after the start date" });
    }
  }) satisfies z.ZodType<ScheduleParams>;

export type ScheduleParamsInput = z.input<typeof scheduleParamsSchema>;
