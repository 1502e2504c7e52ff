import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { addresses, inventory, orderLines, orders, products, type OrderAddress } from "@/db/schema";
import { announceOrders } from "./announce-orders";
import { applyTransition } from "./apply-transition";
import { assertCan, lockOwnedSubscriptionOrThrow, type CustomerActor, type SubscriptionRow } from "./lock-subscription";

/**
 * An extra order of the subscription's product × quantity, created now, outside the series:
 * kind `order_now`, no cycle index, so the anchor, the cursor and upcoming dates are
 * untouched (docs/schedule.md; to replace the next delivery, also skip it).
 *
 * `generateForSubscriptions` doesn't fit: it creates the cursor's cycle and advances the series.
 * Stock is reserved with the generation rule (min(quantity, available); the rest backordered).
 * With an idempotency key a retried request returns the first order instead of a second one
 * (unique (channel, external_id)).
 */
export async function orderNow(
  db: Database, actor: CustomerActor, id: string, input: { idempotencyKey?: string }, now: Date,
): Promise<{ orderId: string; created: boolean }> {
  const result = await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    const externalId = input.idempotencyKey ? `order-now:${row.id}:${input.idempotencyKey}` : null;
    if (externalId) {
      const [existing] = await tx.select({ id: orders.id }).from(orders)
        .where(and(eq(orders.channel, "replen"), eq(orders.externalId, externalId), eq(orders.customerId, actor.customerId)));
      if (existing) return { orderId: existing.id, created: false };
    }
    assertCan(row, "order_now");
    const orderId = await insertOrderNow(tx, row, externalId, now);
    // Status and cursor are unchanged; the guarded UPDATE still proves nothing moved meanwhile.
    await applyTransition(tx, {
      row, now, action: "order_now", actor: { type: "user", userId: actor.userId }, set: {},
      data: { orderId, quantity: row.quantity },
    });
    return { orderId, created: true };
  });
  if (result.created) await announceOrders([{ orderId: result.orderId }]);
  return result;
}

async function insertOrderNow(tx: Transaction, row: SubscriptionRow, externalId: string | null, now: Date): Promise<string> {
  const [product] = await tx.select().from(products).where(eq(products.id, row.productId));
  if (!product) throw new Error(`subscription ${row.id} has no product`);
  const [stock] = await tx
    .select({ available: sql<number>`${inventory.onHand} - ${inventory.reserved}` })
    .from(inventory)
    .where(eq(inventory.productId, product.id))
    .for("update");
  const reserved = Math.max(0, Math.min(row.quantity, Number(stock?.available ?? 0)));
  const total = product.priceMinor * row.quantity;

  const [order] = await tx
    .insert(orders)
    .values({
      customerId: row.customerId, kind: "order_now", subscriptionId: row.id, cycleIndex: null, externalId,
      currency: product.currency, subtotalMinor: total, totalMinor: total,
      shippingAddress: await shippingAddressOf(tx, row), scheduledFor: now,
      flags: reserved < row.quantity ? ["backordered"] : [],
    })
    .returning({ id: orders.id });
  if (!order) throw new Error("order insert returned no row");
  await tx.insert(orderLines).values({
    orderId: order.id, productId: product.id, sku: product.sku, name: product.name, quantity: row.quantity,
    unitPriceMinor: product.priceMinor, reservedQuantity: reserved,
  });
  if (reserved > 0) {
    await tx.update(inventory)
      .set({ reserved: sql`${inventory.reserved} + ${reserved}`, updatedAt: now })
      .where(eq(inventory.productId, product.id));
  }
  return order.id;
}

/** The subscription's address, else the customer's default — as generation does. */
async function shippingAddressOf(tx: Transaction, row: SubscriptionRow): Promise<OrderAddress | null> {
  const where = row.addressId
    ? and(eq(addresses.id, row.addressId), eq(addresses.customerId, row.customerId))
    : eq(addresses.customerId, row.customerId);
  const [a] = await tx.select().from(addresses).where(where).orderBy(desc(addresses.isDefault)).limit(1);
  return a
    ? { name: a.name, line1: a.line1, line2: a.line2, city: a.city, region: a.region, postalCode: a.postalCode, country: a.country, valid: a.valid }
    : null;
}
