import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { addresses, auditLog, customers, inventory, orderLines, orders, products, subscriptions, users } from "@/db/schema";
import { inngest } from "@/inngest/client";
import type { CustomerActor } from "@/server/subscriptions/lock-subscription";

/** 10:00 in New York on the day these tests are written about; every use-case gets it passed in. */
export const NOW = new Date("2026-11-24T15:00:00Z");

/** A customer login + profile + default address, as signup leaves them. */
export async function makeCustomer(db: DbOrTx, o: { timeZone?: string; role?: "customer" | "merchandiser" } = {}) {
  const email = `c-${randomUUID()}@example.test`;
  const [user] = await db
    .insert(users)
    .values({ email, name: "Casey", role: o.role ?? "customer" })
    .returning();
  const [customer] = await db
    .insert(customers)
    .values({ userId: user!.id, email, name: "Casey", timeZone: o.timeZone ?? "America/New_York" })
    .returning();
  const [address] = await db
    .insert(addresses)
    .values({
      customerId: customer!.id,
      name: "Casey",
      line1: "1 Main St",
      city: "Springfield",
      postalCode: "12345",
      country: "US",
      isDefault: true,
    })
    .returning();
  const actor: CustomerActor = { userId: user!.id, customerId: customer!.id };
  return { user: user!, customer: customer!, address: address!, actor };
}

export async function makeProduct(db: DbOrTx, o: Partial<typeof products.$inferInsert> & { stock?: number } = {}) {
  const { stock = 100, ...fields } = o;
  const [p] = await db
    .insert(products)
    .values({ sku: `SKU-${randomUUID().slice(0, 8)}`, name: "Coffee beans", priceMinor: 2400, ...fields })
    .returning();
  await db.insert(inventory).values({ productId: p!.id, onHand: stock });
  return p!;
}

export const createInput = (productId: string, o: Record<string, unknown> = {}) => ({
  productId,
  quantity: 2,
  frequency: "monthly" as const,
  startDate: "2027-01-31",
  localTime: "09:00",
  end: { kind: "until_cancelled" as const },
  ...o,
});

export async function subscriptionRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.id, id));
  return row!;
}

export async function auditActions(db: DbOrTx, id: string) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "subscription"), eq(auditLog.entityId, id)))
    .orderBy(auditLog.id);
  return rows;
}

export async function ordersOf(db: DbOrTx, subscriptionId: string) {
  return db.select().from(orders).where(eq(orders.subscriptionId, subscriptionId)).orderBy(orders.number);
}

export async function linesOf(db: DbOrTx, orderId: string) {
  return db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
}

export async function stockOf(db: DbOrTx, productId: string) {
  const [row] = await db.select().from(inventory).where(eq(inventory.productId, productId));
  return row!;
}

/** Awaits a thrown AppError and returns it (or fails the test if nothing was thrown). */
export async function errorOf(promise: Promise<unknown>): Promise<{ code: string; fields?: Record<string, string>; userMessage: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code: string; fields?: Record<string, string>; userMessage: string };
  }
  throw new Error("expected an error, but the call succeeded");
}

/**
 * A real HTTP endpoint standing in for Inngest's event API, with the app's Inngest client
 * pointed at it (dev mode), so tests see exactly which events were sent after commit.
 */
export async function startEventSink() {
  const events: Array<{ name: string; id?: string; data: Record<string, unknown> }> = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const sent = JSON.parse(body || "[]") as typeof events | (typeof events)[number];
      const list = Array.isArray(sent) ? sent : [sent];
      events.push(...list);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: list.map(() => randomUUID()), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  inngest.setEnvVars({ INNGEST_DEV: "1", INNGEST_BASE_URL: url });
  return { events, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
