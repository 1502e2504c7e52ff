import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLog, customers, inventory, orderActionAttempts, orderLines, orders, paymentMethods, products, subscriptions } from "@/db/schema";
import { TEST_CARDS } from "@/server/payments/test-cards";

export type LineSpec = { priceMinor?: number; quantity?: number; stock?: number; reserved?: number; category?: string };

/**
 * A customer (with a test card), products with stock, and an order in `created` with its
 * lines — as generation or intake would leave it, before the workflow starts. Line
 * `reserved` pre-reserves stock like generation does.
 */
export async function makeOrder(
  db: DbOrTx,
  o: {
    lines?: LineSpec[];
    card?: string;
    country?: string;
    addressValid?: boolean;
    tier?: string;
    withSubscription?: boolean;
    customerId?: string;
  } = {},
) {
  const customer = o.customerId
    ? { id: o.customerId }
    : (
        await db
          .insert(customers)
          .values({ email: `wf-${randomUUID()}@example.test`, name: "Wendy Flow", tier: o.tier ?? "standard" })
          .returning()
      )[0]!;
  if (!o.customerId) {
    const card = o.card ?? TEST_CARDS.approve;
    await db.insert(paymentMethods).values({ customerId: customer.id, gateway: "test", token: card, last4: card.slice(-4) });
  }
  const specs = o.lines ?? [{}];
  const made = [];
  for (const spec of specs) {
    const [p] = await db
      .insert(products)
      .values({
        sku: `WF-${randomUUID().slice(0, 8)}`,
        name: "Workflow beans",
        priceMinor: spec.priceMinor ?? 1_000,
        category: spec.category ?? "coffee",
      })
      .returning();
    await db.insert(inventory).values({ productId: p!.id, onHand: spec.stock ?? 100, reserved: spec.reserved ?? 0 });
    made.push({ product: p!, quantity: spec.quantity ?? 1, reserved: spec.reserved ?? 0 });
  }
  let subscriptionId: string | null = null;
  if (o.withSubscription) {
    const [s] = await db
      .insert(subscriptions)
      .values({
        customerId: customer.id,
        productId: made[0]!.product.id,
        quantity: made[0]!.quantity,
        frequency: "monthly",
        anchorDate: "2027-01-15",
        timeZone: "UTC",
        nextRunAt: new Date("2027-02-15T09:00:00Z"),
        nextCycleIndex: 1,
      })
      .returning();
    subscriptionId = s!.id;
  }
  const total = made.reduce((sum, m) => sum + m.product.priceMinor * m.quantity, 0);
  const [order] = await db
    .insert(orders)
    .values({
      customerId: customer.id,
      kind: subscriptionId ? "subscription" : "one_off",
      subscriptionId,
      cycleIndex: subscriptionId ? 0 : null,
      currency: "USD",
      subtotalMinor: total,
      totalMinor: total,
      shippingAddress: {
        name: "Wendy Flow",
        line1: "1 Main St",
        city: "Springfield",
        postalCode: "12345",
        country: o.country ?? "US",
        valid: o.addressValid ?? true,
      },
    })
    .returning();
  await db.insert(orderLines).values(
    made.map((m) => ({
      orderId: order!.id,
      productId: m.product.id,
      sku: m.product.sku,
      name: m.product.name,
      quantity: m.quantity,
      unitPriceMinor: m.product.priceMinor,
      reservedQuantity: Math.min(m.reserved, m.quantity),
    })),
  );
  return { order: order!, customerId: customer.id, products: made.map((m) => m.product), subscriptionId };
}

export async function orderRow(db: DbOrTx, id: string) {
  const [o] = await db.select().from(orders).where(eq(orders.id, id));
  return o!;
}

export async function stockOf(db: DbOrTx, productId: string) {
  const [row] = await db.select().from(inventory).where(eq(inventory.productId, productId));
  return row!;
}

export async function transitionsOf(db: DbOrTx, orderId: string) {
  return db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.entityType} = 'order' AND ${auditLog.entityId} = ${orderId} AND ${auditLog.action} = 'transition'`)
    .orderBy(auditLog.id);
}

export async function attemptsOf(db: DbOrTx, orderId: string) {
  return db.select().from(orderActionAttempts).where(eq(orderActionAttempts.orderId, orderId)).orderBy(orderActionAttempts.id);
}
