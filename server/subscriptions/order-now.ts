import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { orders } from "@/db/schema";
import { announceOrders } from "@/server/orders/announce-orders";
import { insertOrders } from "@/server/orders/insert-orders";
import { applyTransition } from "./transition";
import { assertCan, lockOwnedSubscriptionOrThrow, type CustomerActor, type SubscriptionRow } from "./lock-subscription";

/**
 * An extra order of the subscription's product × quantity, created now, outside the series:
 * kind `order_now`, no cycle index, so the anchor, the cursor and upcoming dates are
 * untouched (docs/schedule.md; to replace the next delivery, also skip it).
 *
 * `generateForSubscriptions` doesn't fit: it creates the cursor's cycle and advances the series.
 * It goes through server/orders' insertOrders: catalog price, stock reserved with the batch rule
 * (min(quantity, available); the rest backordered), the subscription's address else the default.
 * With an idempotency key a retried request returns the first order instead of a second one
 * (unique (channel, external_id)).
 */
export async function orderNow(
  db: Database,
  actor: CustomerActor,
  id: string,
  input: { idempotencyKey?: string },
  now: Date,
): Promise<{ orderId: string; created: boolean }> {
  const result = await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    const externalId = input.idempotencyKey ? `order-now:${row.id}:${input.idempotencyKey}` : null;
    if (externalId) {
      const [existing] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.channel, "replen"), eq(orders.externalId, externalId), eq(orders.customerId, actor.customerId)));
      if (existing) return { orderId: existing.id, created: false };
    }
    assertCan(row, "order_now");
    const orderId = await insertOrderNow(tx, row, externalId, now);
    // Status and cursor are unchanged; the guarded UPDATE still proves nothing moved meanwhile.
    await applyTransition(tx, {
      row,
      now,
      action: "order_now",
      actor: { type: "user", userId: actor.userId },
      set: {},
      data: { orderId, quantity: row.quantity },
    });
    return { orderId, created: true };
  });
  if (result.created) await announceOrders([result.orderId]);
  return result;
}

async function insertOrderNow(tx: Transaction, row: SubscriptionRow, externalId: string | null, now: Date): Promise<string> {
  const [order] = await insertOrders(
    tx,
    [
      {
        customerId: row.customerId,
        kind: "order_now",
        subscriptionId: row.id,
        externalId,
        addressId: row.addressId,
        scheduledFor: now,
        lines: [{ productId: row.productId, quantity: row.quantity }],
      },
    ],
    now,
    { reserve: true },
  );
  // The idempotency key was checked under the subscription's lock, so nothing can conflict here.
  if (!order) throw new Error(`order-now for subscription ${row.id} inserted no order`);
  return order.orderId;
}
