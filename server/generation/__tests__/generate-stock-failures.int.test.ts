import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { inventory, notifications, orderLines, orders } from "@/db/schema";
import { generateAllDue } from "../generate-due";
import {
  auditOf,
  makeCustomer,
  makeProduct,
  makeSubscription,
  ordersOf,
  resetGenerationTables,
  stockOf,
  subscriptionOf,
} from "@/test/support/generation/factories";

const at = (iso: string) => new Date(iso);
const policy = { maxFailures: 3, retryMinutes: 60 };
const run = (now: string, batchSize = 100) => generateAllDue(getDb(), { now: at(now), batchSize, policy });

describe("inventory reservation", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("reserves what is available in claim order, backorders the rest, and never oversells", async () => {
    const db = getDb();
    const product = await makeProduct(db, { stock: 5 });
    // Due one minute apart, so the claim order (next_run_at) is known: 2 + 2 + 1 of 2 + 0 of 1.
    const subs = [];
    for (const [i, quantity] of [2, 2, 2, 1].entries()) {
      subs.push(
        await makeSubscription(db, { productId: product.id, quantity, nextRunAt: new Date(at("2027-01-31T14:00:00Z").getTime() - (4 - i) * 60_000) }),
      );
    }
    const r = await run("2027-01-31T14:00:00Z");
    expect(r).toMatchObject({ created: 4, backordered: 2 });
    const placed = [];
    for (const s of subs) {
      const [order] = await ordersOf(db, s.id);
      const [line] = await db.select().from(orderLines).where(eq(orderLines.orderId, order!.id));
      placed.push([line!.quantity, line!.reservedQuantity, order!.flags]);
    }
    expect(placed).toEqual([
      [2, 2, []],
      [2, 2, []],
      [2, 1, ["backordered"]],
      [1, 0, ["backordered"]],
    ]);
    expect(await stockOf(db, product.id)).toMatchObject({ onHand: 5, reserved: 5 });
  });

  it("backorders a product that has no inventory row and reserves other products independently", async () => {
    const db = getDb();
    const untracked = await makeProduct(db, { stock: null });
    const stocked = await makeProduct(db, { stock: 3 });
    const a = await makeSubscription(db, { productId: untracked.id, quantity: 2 });
    const b = await makeSubscription(db, { productId: stocked.id, quantity: 3 });
    await run("2027-01-31T14:00:00Z");
    expect((await ordersOf(db, a.id))[0]!.flags).toEqual(["backordered"]);
    expect((await ordersOf(db, b.id))[0]!.flags).toEqual([]);
    expect((await db.select().from(inventory)).map((i) => [i.productId, i.reserved])).toEqual([[stocked.id, 3]]);
  });

  it("stock released between runs is reserved by later cycles", async () => {
    const db = getDb();
    const product = await makeProduct(db, { stock: 0 });
    const s = await makeSubscription(db, { productId: product.id });
    await run("2027-01-31T14:00:00Z");
    await db.update(inventory).set({ onHand: 10 }).where(eq(inventory.productId, product.id));
    await run("2027-02-28T14:00:00Z");
    expect((await ordersOf(db, s.id)).map((o) => o.flags)).toEqual([["backordered"], []]);
  });
});

describe("failures", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("retries a failing subscription with backoff, auto-pauses it after N failures, and keeps the batch going", async () => {
    const db = getDb();
    const customer = await makeCustomer(db);
    const retired = await makeProduct(db, { sellable: false });
    const bad = await makeSubscription(db, { customerId: customer.id, productId: retired.id });
    const good = await makeSubscription(db);

    const first = await run("2027-01-31T14:00:00Z");
    expect(first).toMatchObject({ claimed: 2, created: 1, failed: 1 });
    expect(await ordersOf(db, good.id)).toHaveLength(1);
    expect(await subscriptionOf(db, bad.id)).toMatchObject({
      status: "active",
      failureCount: 1,
      nextCycleIndex: 0,
      nextRunAt: at("2027-01-31T15:00:00Z"),
    });

    expect((await run("2027-01-31T14:59:00Z")).claimed).toBe(0); // not before the retry time
    await run("2027-01-31T15:00:00Z");
    expect(await subscriptionOf(db, bad.id)).toMatchObject({ failureCount: 2, nextRunAt: at("2027-01-31T17:00:00Z") });
    await run("2027-01-31T17:00:00Z");
    expect(await subscriptionOf(db, bad.id)).toMatchObject({ status: "paused", failureCount: 3 });

    expect(await ordersOf(db, bad.id)).toEqual([]);
    expect((await auditOf(db, bad.id)).map((a) => [a.action, a.data?.reason, a.fromState, a.toState])).toEqual([
      ["generation_failed", "product_not_sellable", null, null],
      ["generation_failed", "product_not_sellable", null, null],
      ["generation_failed", "product_not_sellable", null, null],
      ["auto_paused", "product_not_sellable", "active", "paused"],
    ]);
    const inbox = await db.select().from(notifications).where(eq(notifications.customerId, customer.id));
    expect(inbox).toMatchObject([{ kind: "subscription_auto_paused", link: `/subscriptions/${bad.id}` }]);
  });

  it("a success resets the failure streak", async () => {
    const db = getDb();
    const product = await makeProduct(db, { sellable: false });
    const s = await makeSubscription(db, { productId: product.id });
    await run("2027-01-31T14:00:00Z");
    await db.execute(sql`UPDATE products SET sellable = true WHERE id = ${product.id}`);
    await run("2027-01-31T15:00:00Z");
    expect(await subscriptionOf(db, s.id)).toMatchObject({ failureCount: 0, nextCycleIndex: 1 });
    expect(await ordersOf(db, s.id)).toHaveLength(1);
  });

  it("isolates a subscription whose writes fail in the database; the rest of the batch commits", async () => {
    const db = getDb();
    const poisoned = await makeProduct(db, { sku: "POISON" });
    const bad = await makeSubscription(db, { productId: poisoned.id });
    const goods = [await makeSubscription(db), await makeSubscription(db)];
    // Stand-in for any data error the set-based statement could hit for one row.
    await db.execute(sql`CREATE FUNCTION reject_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.sku = 'POISON' THEN RAISE EXCEPTION 'poisoned line' USING ERRCODE = '22023'; END IF; RETURN NEW; END $$`);
    await db.execute(sql`CREATE TRIGGER reject_poison BEFORE INSERT ON order_lines FOR EACH ROW EXECUTE FUNCTION reject_poison()`);
    try {
      const r = await run("2027-01-31T14:00:00Z");
      expect(r).toMatchObject({ claimed: 3, created: 2, failed: 1 });
      for (const g of goods) expect(await ordersOf(db, g.id)).toHaveLength(1);
      expect(await ordersOf(db, bad.id)).toEqual([]); // its order insert rolled back with its lines
      expect(await subscriptionOf(db, bad.id)).toMatchObject({ failureCount: 1, nextCycleIndex: 0 });
      expect((await auditOf(db, bad.id)).map((a) => [a.action, a.data?.reason, a.data?.detail])).toEqual([
        ["generation_failed", "generation_error", "22023"],
      ]);
      expect((await db.select().from(orders)).length).toBe(2);
    } finally {
      await db.execute(sql`DROP TRIGGER reject_poison ON order_lines`);
      await db.execute(sql`DROP FUNCTION reject_poison()`);
    }
  });

  it("counts an uninterpretable schedule as a failure instead of failing the batch", async () => {
    const db = getDb();
    const bad = await makeSubscription(db, { timeZone: "Mars/Olympus_Mons" });
    const good = await makeSubscription(db);
    expect(await run("2027-01-31T14:00:00Z")).toMatchObject({ created: 1, failed: 1 });
    expect((await auditOf(db, bad.id))[0]).toMatchObject({ action: "generation_failed", data: { reason: "invalid_schedule" } });
    expect(await ordersOf(db, good.id)).toHaveLength(1);
  });
});
