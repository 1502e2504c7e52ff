import { z } from "zod";
import { channelSchema } from "./adapters/canonical-order";
import { channelSettingsSchema } from "./channel-settings";
import { INTAKE_STATUSES } from "./intake-status";

/** Boundaries of the admin intake API (app/api/v1/admin/intake/**). */
export const listPayloadsQuerySchema = z.object({
  channel: channelSchema.optional(),
  status: z.enum(INTAKE_STATUSES).optional(),
  reason: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type ListPayloadsQuery = z.infer<typeof listPayloadsQuerySchema>;

export const replayBodySchema = z.object({
  ids: z
    .array(z.uuid({ error: "Not a payload id" }))
    .min(1, { error: "Select at least one payload" })
    .max(100, { error: "Replay at most 100 at a time" }),
});

/** `body: null` drops the correction: replays read the original raw body again. */
export const correctBodySchema = z.object({
  body: z.string().min(2, { error: "The payload is empty" }).max(2_000_000, { error: "The payload is too large" }).nullable(),
});

const sku = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(200);
export const skuAliasBodySchema = z
  .object({ channel: channelSchema, fromSku: sku("The channel's SKU"), toSku: sku("Our SKU") })
  .refine((a) => a.fromSku !== a.toSku, { path: ["toSku"], error: "An alias must map to a different SKU" });
export type SkuAliasInput = z.infer<typeof skuAliasBodySchema>;

export const channelSettingsPatchSchema = channelSettingsSchema.partial().refine((p) => Object.keys(p).length > 0, { error: "Nothing to change" });

export const productsQuerySchema = z.object({ q: z.string().max(100).optional() });
