import { z } from "zod";
import { CHANNELS } from "@/db/vocabulary/intake";
import { boundedInstant } from "@/server/schedule/date-range";

/**
 * The one order shape every channel is mapped into. The `api` channel accepts it (minus
 * `channel` and `notes`) as its request body, so this file is also the published contract:
 * keep field names and messages stable and prefer additive changes.
 */

// CHANNELS lives with its pgEnum in db/vocabulary (db/ never imports server/).
export { CHANNELS } from "@/db/vocabulary/intake";
export const ORDER_STATUSES = ["open", "paid", "fulfilled", "cancelled"] as const;

export const channelSchema = z.enum(CHANNELS);
export const orderStatusSchema = z.enum(ORDER_STATUSES, { error: "Status must be open, paid, fulfilled or cancelled" });

/**
 * Money is an integer count of the currency's minor unit (cents, yen, fils) held in a JSON
 * number. A number rather than a digit string keeps the public API ergonomic; the price is a
 * ceiling of Number.MAX_SAFE_INTEGER (≈ 90 trillion USD), beyond which values are rejected
 * instead of being silently rounded. `z.int()` only accepts safe integers, which enforces it.
 */
export const minorUnitsSchema = z.int({ error: "Amount must be a whole number of minor units (0 … 2^53−1)" }).nonnegative({
  error: "Amount must not be negative",
});

const requiredText = (what: string) =>
  z
    .string({ error: `${what} is missing` })
    .trim()
    .min(1, { error: `${what} is missing` });

export const customerSchema = z.object({
  email: z.email({ error: "Email is missing or invalid" }),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  phone: z.string().optional(),
});

export const canonicalLineSchema = z.object({
  sku: requiredText("SKU"),
  quantity: z.int({ error: "Quantity must be a positive integer" }).positive({ error: "Quantity must be a positive integer" }),
  /** Price of one unit before discounts; tax-inclusive only when `totals.taxesIncluded`. */
  unitPriceMinor: minorUnitsSchema,
  /** Discount on the whole line (all units), not per unit. */
  discountMinor: minorUnitsSchema,
  /** Tax on the whole line (all units). */
  taxMinor: minorUnitsSchema,
  name: z.string().optional(),
});

export const shippingAddressSchema = z.object({
  name: requiredText("Recipient name"),
  line1: requiredText("Address line 1"),
  line2: z.string().optional(),
  city: requiredText("City"),
  region: z.string().optional(),
  // Empty is allowed: Hong Kong, the UAE and others have no postal codes.
  postalCode: z.string({ error: "Postal code must be a string" }),
  country: z.string().regex(/^[A-Z]{2}$/, { error: "Country must be an ISO 3166-1 alpha-2 code" }),
});

export const totalsSchema = z.object({
  /** Σ unitPrice × quantity over the lines, before any discount. */
  subtotalMinor: minorUnitsSchema,
  /** All discounts on the order (line-level and order-level). */
  discountMinor: minorUnitsSchema,
  /** All taxes, including tax on shipping. */
  taxMinor: minorUnitsSchema,
  shippingMinor: minorUnitsSchema,
  /** What the channel says the customer pays. Never recomputed — see checkTotals. */
  totalMinor: minorUnitsSchema,
  /**
   * Addition to the brief: when prices already contain tax (EU/UK/AU stores), tax must not
   * be added again when checking the total. Defaults to false.
   */
  taxesIncluded: z.boolean().default(false),
});

const orderFields = {
  channel: channelSchema,
  externalId: requiredText("External id"),
  placedAt: boundedInstant("placedAt must be an ISO 8601 UTC timestamp ending in Z"),
  customer: customerSchema,
  currency: z.string().regex(/^[A-Z]{3}$/, { error: "Currency must be an ISO 4217 code in upper case" }),
  lines: z.array(canonicalLineSchema).min(1, { error: "Order has no lines" }),
  shippingAddress: shippingAddressSchema.optional(),
  totals: totalsSchema,
  status: orderStatusSchema,
  test: z.boolean().default(false),
  /** Quirks applied while mapping, as "code: detail" strings (see docs/intake.md). */
  notes: z.array(z.string()).default([]),
};

export const canonicalOrderSchema = z.object(orderFields);

/** Body of the `api` channel: the canonical order without server-owned fields. */
export const apiOrderSchema = z.object(orderFields).omit({ channel: true, notes: true });

export type Channel = z.infer<typeof channelSchema>;
export type OrderStatus = z.infer<typeof orderStatusSchema>;
export type CanonicalLine = z.infer<typeof canonicalLineSchema>;
export type ShippingAddress = z.infer<typeof shippingAddressSchema>;
export type CanonicalTotals = z.infer<typeof totalsSchema>;
export type CanonicalOrder = z.infer<typeof canonicalOrderSchema>;
export type CanonicalOrderInput = z.input<typeof canonicalOrderSchema>;
export type ApiOrderInput = z.input<typeof apiOrderSchema>;
