/**
 * Request and response schemas of the cancel flow and of the merchandiser's save offers (pure:
 * the portal and the staff page import them too).
 */
import { z } from "zod";
import { CANCEL_REASONS, SAVE_OFFER_KINDS } from "@/db/vocabulary/save-offers";
import { FREQUENCIES } from "../schedule";
import { requestSchemas, responseSchemas } from "../http/named-schemas";
import { MAX_DISCOUNT_ORDERS, MAX_DISCOUNT_PERCENT, MAX_PAUSE_MONTHS } from "./model";
import { idSchema } from "./subscription.schema";

export const cancelReasonSchema = z.enum(CANCEL_REASONS, { error: "Choose one of the listed reasons" });

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a whole number` })
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` })
    .max(max, { error: `${what} must be at most ${max}` });

export const saveOfferTermsSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("skip_next") }),
    z.object({ kind: z.literal("pause"), pauseMonths: whole("Months", 1, MAX_PAUSE_MONTHS) }),
    z.object({ kind: z.literal("change_frequency"), frequency: z.enum(FREQUENCIES, { error: "Choose a frequency" }) }),
    z.object({
      kind: z.literal("discount"),
      discountPercent: whole("Percentage", 1, MAX_DISCOUNT_PERCENT),
      discountOrders: whole("Number of orders", 1, MAX_DISCOUNT_ORDERS),
    }),
  ],
  { error: `Choose one of: ${SAVE_OFFER_KINDS.join(", ")}` },
);

/** The customer's answer to "why are you cancelling?": all optional, so a cancel never needs it. */
export const cancelFlowSchema = z
  .object({
    reason: cancelReasonSchema.optional(),
    note: z.string().trim().max(500, { error: "Keep it under 500 characters" }).optional(),
    declinedOfferId: idSchema("Unknown offer").optional().meta({ description: "The save offer shown and declined before this cancel." }),
  })
  .register(requestSchemas, { id: "CancelRequest" });
export type CancelFlowInput = z.infer<typeof cancelFlowSchema>;

export const offerQuerySchema = z.object({ reason: cancelReasonSchema });

export const acceptOfferSchema = z
  .object({ offerId: idSchema("Unknown offer"), reason: cancelReasonSchema })
  .register(requestSchemas, { id: "AcceptSaveOfferRequest" });
export type AcceptOfferInput = z.infer<typeof acceptOfferSchema>;

export const putSaveOfferSchema = z
  .object({
    terms: saveOfferTermsSchema,
    message: z.string({ error: "Write the line customers see" }).trim().min(1, { error: "Write the line customers see" }).max(200),
    active: z.boolean().default(true),
  })
  .register(requestSchemas, { id: "PutSaveOfferRequest" });
export type PutSaveOfferInput = z.infer<typeof putSaveOfferSchema>;

/** What the customer is offered for a reason (null when nothing applies). */
export const customerOfferDto = z
  .object({ id: z.string(), reason: cancelReasonSchema, terms: saveOfferTermsSchema, message: z.string(), label: z.string() })
  .register(responseSchemas, { id: "SaveOffer" });

export const saveOfferDto = z
  .object({
    id: z.string(),
    reason: cancelReasonSchema,
    terms: saveOfferTermsSchema,
    message: z.string(),
    active: z.boolean(),
    label: z.string(),
    updatedAt: z.string().meta({ format: "date-time" }),
    acceptedCount: z.number().int(),
  })
  .register(responseSchemas, { id: "SaveOfferConfig" });
export type SaveOfferDto = z.infer<typeof saveOfferDto>;
