import "server-only";
import type { Transaction } from "@/db/client";
import { generateForRows, type GeneratedOrder } from "./generate-for-rows";
import { lockSubscriptions } from "./load-subscriptions";

export type { GeneratedOrder } from "./generate-for-rows";

/**
 * Creates the order of each given subscription's next cycle (its `nextCycleIndex`), unless
 * that cycle is skipped, and advances the subscription per the schedule rules — the one code
 * path shared by the cron generator and the subscription lifecycle ("confirm → first order
 * at once", "order now"). Catch-up applies: if later cycles are already due at `now`, the
 * latest one is generated and the earlier ones are recorded as missed (docs/generation.md).
 *
 * Locks the subscriptions in `tx` (waiting if another transaction holds them) and ignores
 * ones that are not active. Idempotent: unique (subscription_id, cycle_index) + ON CONFLICT
 * DO NOTHING. Returns only orders created by this call; the caller emits `order/created`
 * for them AFTER commit (server/orders announceOrders).
 */
export async function generateForSubscriptions(tx: Transaction, subscriptionIds: string[], now: Date): Promise<GeneratedOrder[]> {
  const rows = await lockSubscriptions(tx, [...new Set(subscriptionIds)]);
  const outcome = await generateForRows(tx, rows, now);
  return outcome.orders;
}
