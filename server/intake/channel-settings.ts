import { z } from "zod";
import type { Channel } from "./adapters/canonical-order";

/**
 * Per-channel validation tuning (docs/intake-governance.md, "Strict and lenient checks").
 * - totals: strict dead-letters an order whose totals don't add up; lenient accepts it with
 *   the `totals_mismatch` flag. The platforms default to lenient because fees, tips, duties
 *   and 4-decimal rounding make honest orders miss by design (false rejects); our own `api`
 *   channel sends exact minor units, so a mismatch there is a client bug: strict.
 * - customer: lenient creates an unknown buyer from the order's email; strict requires an
 *   existing customer.
 * - testOrders: "ignore" stores test orders as `ignored`; "accept" creates them flagged `test`.
 */
export const channelSettingsSchema = z.object({
  totalsMode: z.enum(["strict", "lenient"]),
  customerMode: z.enum(["strict", "lenient"]),
  testOrders: z.enum(["ignore", "accept"]),
});
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

export const DEFAULT_CHANNEL_SETTINGS: Readonly<Record<Channel, ChannelSettings>> = {
  shopify: { totalsMode: "lenient", customerMode: "lenient", testOrders: "ignore" },
  woocommerce: { totalsMode: "lenient", customerMode: "lenient", testOrders: "ignore" },
  bigcommerce: { totalsMode: "lenient", customerMode: "lenient", testOrders: "ignore" },
  api: { totalsMode: "strict", customerMode: "lenient", testOrders: "ignore" },
  // Amazon totals are summed from item prices by the adapter, so they always add up.
  amazon: { totalsMode: "lenient", customerMode: "lenient", testOrders: "ignore" },
};
