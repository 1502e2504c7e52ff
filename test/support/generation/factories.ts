import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { addresses, auditLog, customers, cycleOverrides, inventory, orderLines, orders, products, subscriptions } from "@/db/schema";

/**
 * Test factories: rows inserted directly, as the subscription lifecycle would leave them.
 * Every helper takes overrides so a test states only what it is about.
 */
export async function makeProduct(db: DbOrTx, o: Partial<typeof products.$inferInsert> & { stock?: number | null } = {}) {
  const { stock = 1000, ...fields } = o;
  const [p] = await db
    .insert(products)
    .values({ sku: `SKU-${randomUUID().slice(0, 8)}`, name: "Coffee beans", priceMinor: 1299, ...fields })
    .returning();
  if (stock !== null) await db.insert(inventory).values({ productId: p!.id, onHand: stock });
  return p!;
}

export async function makeCustomer(db: DbOrTx, o: Partial<typeof customers.$inferInsert> = {}) {
  const [c] = await db
    .insert(customers)
    .values({ email: `c-${randomUUID()}@example.test`, name: "Casey", timeZone: "America/New_York", ...o })
    .returning();
  await db.insert(addresses).values({
    customerId: c!.id,
    name: c!.name,
    line1: "1 Main St",
    city: "Springfield",
    postalCode: "12345",
    country: "US",
    isDefault: true,
  });
  return c!;
}

export type SubscriptionInput = Partial<typeof subscriptions.$inferInsert>;

/** An active monthly subscription; pass at least the schedule fields the test is about. */
export async function makeSubscription(db: DbOrTx, o: SubscriptionInput & { customerId?: string; productId?: string } = {}) {
  const customerId = o.customerId ?? (await makeCustomer(db)).id;
  const productId = o.productId ?? (await makeProduct(db)).id;
  const [s] = await db
    .insert(subscriptions)
    .values({
      quantity: 1,
      frequency: "monthly",
      anchorDate: "2027-01-31",
      localTime: "09:00",
      timeZone: "America/New_York",
      nextRunAt: new Date("2027-01-31T14:00:00Z"),
      ...o,
      customerId,
      productId,
    })
    .returning();
  return s!;
}

export async function addOverride(db: DbOrTx, v: typeof cycleOverrides.$inferInsert) {
  await db.insert(cycleOverrides).values(v);
}

export async function ordersOf(db: DbOrTx, subscriptionId: string) {
  return db.select().from(orders).where(eq(orders.subscriptionId, subscriptionId)).orderBy(orders.cycleIndex);
}

export async function linesOf(db: DbOrTx, orderId: string) {
  return db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
}

export async function subscriptionOf(db: DbOrTx, id: string) {
  const [s] = await db.select().from(subscriptions).where(eq(subscriptions.id, id));
  return s!;
}

export async function auditOf(db: DbOrTx, subscriptionId: string) {
  return db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.entityType} = 'subscription' AND ${auditLog.entityId} = ${subscriptionId}`)
    .orderBy(auditLog.id);
}

export async function stockOf(db: DbOrTx, productId: string) {
  const [row] = await db.select().from(inventory).where(eq(inventory.productId, productId));
  return row!;
}

/** Empties every table generation touches: each test starts from a clean database. */
export async function resetGenerationTables(db: DbOrTx) {
  await db.execute(sql`TRUNCATE customers, addresses, products, inventory, subscriptions, cycle_overrides, reminders,
    orders, order_lines, notifications, audit_log RESTART IDENTITY CASCADE`);
}
