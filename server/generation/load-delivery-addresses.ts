import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { pgArray } from "@/server/lib/pg-array";

/**
 * The batch's one-off delivery addresses ("send this one delivery elsewhere"), keyed
 * `subscriptionId:cycleIndex`: one statement for the whole batch, only rows at or after each
 * cursor (earlier cycles have their orders). The caller holds the subscriptions' locks, so no
 * row can be set or removed between this read and the orders' insert.
 */
export async function loadDeliveryAddresses(tx: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const byCycle = new Map<string, string>();
  if (ids.length === 0) return byCycle;
  const rows = await tx.execute<{ subscription_id: string; cycle_index: number; address_id: string }>(sql`
    SELECT d.subscription_id, d.cycle_index, d.address_id
    FROM delivery_addresses d JOIN subscriptions s ON s.id = d.subscription_id
    WHERE d.subscription_id = ANY(${pgArray(ids)}::uuid[]) AND d.cycle_index >= s.next_cycle_index`);
  for (const r of rows) byCycle.set(deliveryKey(r.subscription_id, r.cycle_index), r.address_id);
  return byCycle;
}

export const deliveryKey = (subscriptionId: string, cycleIndex: number) => `${subscriptionId}:${cycleIndex}`;
