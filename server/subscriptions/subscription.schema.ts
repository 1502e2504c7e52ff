/**
 * Input schemas for the subscription API and portal forms (pure: the browser imports them
 * too). Checks that need the database or "now" (product sellable, start not in the past)
 * live in the use-cases and come back as the same `{ field: reason }` errors.
 */
import { z } from "zod";
import {
  compareLocalDates,
  endConditionSchema,
  frequencySchema,
  isLocalDate,
  localDateSchema,
  localTimeSchema,
  timeZoneSchema,
  type EndCondition,
  type LocalDate,
} from "../schedule";
import { requestSchemas } from "../http/named-schemas";

// Postgres' uuid type rejects malformed ids with an error, not a miss; check the shape first.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
export const idSchema = (message: string) => z.string({ error: message }).regex(UUID, { error: message });

export const MAX_QUANTITY = 99;
export const quantitySchema = z
  .number({ error: "Quantity must be a whole number" })
  .int({ error: "Quantity must be a whole number" })
  .min(1, { error: "Quantity must be at least 1" })
  .max(MAX_QUANTITY, { error: `Quantity must be at most ${MAX_QUANTITY}` });

const dateField = (description: string) => localDateSchema.meta({ description, format: "date", examples: ["2027-01-31"] });

const endField = endConditionSchema.default({ kind: "until_cancelled" }).meta({
  description: "When the series ends. `after_cycles` counts periods (skips included); `on_date` is inclusive, local.",
});

/** `on_date` must not end before the series starts (a one-delivery series may end on its start). */
function endNotBeforeStart(value: { startDate: LocalDate; end: EndCondition }, ctx: z.RefinementCtx) {
  const { startDate, end } = value;
  if (end.kind !== "on_date" || !isLocalDate(startDate) || !isLocalDate(end.endDate)) return;
  if (compareLocalDates(end.endDate, startDate) < 0) {
    ctx.addIssue({ code: "custom", path: ["end", "endDate"], message: "End date must be on or after the start date" });
  }
}

export const createSubscriptionSchema = z
  .object({
    productId: idSchema("Choose a product"),
    quantity: quantitySchema,
    frequency: frequencySchema,
    startDate: dateField("Local date of the first delivery; today or later in the subscription's time zone."),
    localTime: localTimeSchema.default("09:00").meta({ description: "Wall-clock time each order is created, HH:MM." }),
    timeZone: timeZoneSchema.optional().meta({ description: "IANA zone; defaults to the customer's." }),
    end: endField,
    addressId: idSchema("Choose one of your addresses").optional(),
  })
  .superRefine(endNotBeforeStart)
  .register(requestSchemas, { id: "CreateSubscriptionRequest" });
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionSchema>;

export const schedulePreviewSchema = z
  .object({
    frequency: frequencySchema,
    startDate: dateField("Local date of occurrence 0 (the anchor)."),
    timeZone: timeZoneSchema.meta({ description: "IANA time zone, e.g. America/New_York." }),
    localTime: localTimeSchema.default("09:00"),
    end: endField,
    count: z
      .number({ error: "Count must be a whole number" })
      .int({ error: "Count must be a whole number" })
      .min(1, { error: "Count must be at least 1" })
      .max(100, { error: "Count must be at most 100" })
      .default(6),
  })
  .superRefine(endNotBeforeStart)
  .register(requestSchemas, { id: "SchedulePreviewRequest" });
export type SchedulePreviewInput = z.infer<typeof schedulePreviewSchema>;

export const pauseSchema = z
  .object({
    until: dateField("Resume automatically at the start of this local date (deliveries dated on it ship).").optional(),
  })
  .register(requestSchemas, { id: "PauseRequest" });
export type PauseInput = z.infer<typeof pauseSchema>;

export const cycleTargetSchema = z
  .object({
    cycleIndex: z
      .number()
      .int()
      .min(0)
      .max(1_000_000, { error: "No such cycle" })
      .optional()
      .meta({ description: "Which skipped cycle to restore; defaults to the earliest upcoming one." }),
  })
  .register(requestSchemas, { id: "UnskipRequest" });

export const rescheduleSchema = z
  .object({
    localDate: dateField("New local date of the next delivery only."),
  })
  .register(requestSchemas, { id: "RescheduleRequest" });
export type RescheduleInput = z.infer<typeof rescheduleSchema>;

export const changeSubscriptionSchema = z
  .object({ frequency: frequencySchema.optional(), quantity: quantitySchema.optional() })
  .refine((v) => v.frequency !== undefined || v.quantity !== undefined, {
    message: "Change the frequency or the quantity",
    path: ["frequency"],
  })
  .register(requestSchemas, { id: "ChangeSubscriptionRequest" });
export type ChangeSubscriptionInput = z.infer<typeof changeSubscriptionSchema>;

export const createTokenSchema = z
  .object({
    name: z.string({ error: "Name the token" }).trim().min(1, { error: "Name the token" }).max(80),
  })
  .register(requestSchemas, { id: "CreateTokenRequest" });

/** Route params / query strings. */
export const subscriptionIdParams = z.object({ id: z.string() });
export const suggestionQuerySchema = z.object({ productId: idSchema("Choose a product") });
