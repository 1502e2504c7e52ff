import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { products, subscriptions } from "@/db/schema";
import { generateAllDue } from "../generate-due";
import { generateForSubscriptions } from "../generate-for-subscriptions";
import {
  addOverride,
  auditOf,
  linesOf,
  makeCustomer,
  makeProduct,
  makeSubscription,
  ordersOf,
  resetGenerationTables,
  stockOf,
  subscriptionOf,
} from "@/test/support/generation/factories";

const at = (iso: string) => new Date(iso);
const run = (now: string) => generateAllDue(getDb(), { now: at(now), batchSize: 100 });

describe("scheduled generation", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("creates one order per due cycle with its line, and advances across month ends (anchor Jan 31)", async () => {
    const db = getDb();
    const product = await makeProduct(db, { priceMinor: 1250, stock: 100 });
    const sub = await makeSubscription(db, { productId: product.id, quantity: 3 });

    // Jan 31 09:00 New York (EST) = 14:00Z; Feb 28 (clamped) 14:00Z; Mar 31 09:00 EDT = 13:00Z; Apr 30 13:00Z.
    expect((await run("2027-01-31T13:59:00Z")).created).toBe(0);
    expect((await run("2027-01-31T14:00:00Z")).created).toBe(1);
    expect((await subscriptionOf(db, sub.id)).nextRunAt).toEqual(at("2027-02-28T14:00:00Z"));
    expect((await run("2027-02-01T00:00:00Z")).created).toBe(0);
    await run("2027-02-28T14:00:05Z");
    expect((await subscriptionOf(db, sub.id)).nextRunAt).toEqual(at("2027-03-31T13:00:00Z"));
    await run("2027-03-31T13:00:00Z");
    const after = await subscriptionOf(db, sub.id);
    expect(after).toMatchObject({ nextCycleIndex: 3, nextRunAt: at("2027-04-30T13:00:00Z"), status: "active", failureCount: 0 });

    const created = await ordersOf(db, sub.id);
    expect(created.map((o) => [o.cycleIndex, o.scheduledFor?.toISOString()])).toEqual([
      [0, "2027-01-31T14:00:00.000Z"],
      [1, "2027-02-28T14:00:00.000Z"],
      [2, "2027-03-31T13:00:00.000Z"],
    ]);
    const first = created[0]!;
    expect(first).toMatchObject({
      kind: "subscription",
      customerId: sub.customerId,
      currency: "USD",
      subtotalMinor: 3750,
      totalMinor: 3750,
      state: "created",
      flags: [],
    });
    expect(first.shippingAddress).toMatchObject({ line1: "1 Main St", postalCode: "12345", country: "US" });
    expect(await linesOf(db, first.id)).toMatchObject([
      { productId: product.id, sku: product.sku, quantity: 3, unitPriceMinor: 1250, reservedQuantity: 3 },
    ]);
    expect(await stockOf(db, product.id)).toMatchObject({ onHand: 100, reserved: 9 });
    expect((await auditOf(db, sub.id)).map((a) => [a.action, a.data?.cycleIndex, a.data?.orderId])).toEqual(
      created.map((o) => ["cycle_generated", o.cycleIndex, o.id]),
    );
  });

  it("prices lines from the product at generation time", async () => {
    const db = getDb();
    const product = await makeProduct(db, { priceMinor: 1000 });
    const sub = await makeSubscription(db, { productId: product.id });
    await run("2027-01-31T14:00:00Z");
    await db.update(products).set({ priceMinor: 1100 }).where(eq(products.id, product.id));
    await run("2027-02-28T14:00:00Z");
    const [o0, o1] = await ordersOf(db, sub.id);
    expect([o0!.totalMinor, o1!.totalMinor]).toEqual([1000, 1100]);
  });

  it("a skipped or opted-out cycle creates no order but advances", async () => {
    const db = getDb();
    const sub = await makeSubscription(db, { nextCycleIndex: 1, nextRunAt: at("2027-02-28T14:00:00Z") });
    await addOverride(db, { subscriptionId: sub.id, cycleIndex: 1, kind: "skip" });
    await addOverride(db, { subscriptionId: sub.id, cycleIndex: 2, kind: "opt_out" });
    const r1 = await run("2027-02-28T14:00:00Z");
    const r2 = await run("2027-03-31T13:00:00Z");
    expect([r1.skipped, r2.skipped, r1.created + r2.created]).toEqual([1, 1, 0]);
    expect(await ordersOf(db, sub.id)).toEqual([]);
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextCycleIndex: 3, nextRunAt: at("2027-04-30T13:00:00Z") });
    expect((await auditOf(db, sub.id)).map((a) => [a.action, a.data?.cycleIndex, a.data?.reason])).toEqual([
      ["cycle_skipped", 1, "skip"],
      ["cycle_skipped", 2, "opt_out"],
    ]);
    await run("2027-04-30T13:00:00Z");
    expect((await ordersOf(db, sub.id)).map((o) => o.cycleIndex)).toEqual([3]);
  });

  it("respects a reschedule override for that one cycle and returns to the anchor after it", async () => {
    const db = getDb();
    const sub = await makeSubscription(db);
    await addOverride(db, { subscriptionId: sub.id, cycleIndex: 1, kind: "reschedule", localDate: "2027-02-20" });
    await run("2027-01-31T14:00:00Z");
    expect((await subscriptionOf(db, sub.id)).nextRunAt).toEqual(at("2027-02-20T14:00:00Z"));
    await run("2027-02-20T14:00:00Z");
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextCycleIndex: 2, nextRunAt: at("2027-03-31T13:00:00Z") });
    expect((await ordersOf(db, sub.id)).map((o) => o.scheduledFor?.toISOString())).toEqual(["2027-01-31T14:00:00.000Z", "2027-02-20T14:00:00.000Z"]);
  });

  it("completes after the last cycle of after_cycles and on_date series", async () => {
    const db = getDb();
    const twice = await makeSubscription(db, { endKind: "after_cycles", endCycles: 2 });
    const untilFeb = await makeSubscription(db, { endKind: "on_date", endDate: "2027-02-28" });
    await run("2027-01-31T14:00:00Z");
    const r = await run("2027-02-28T14:00:00Z");
    expect(r).toMatchObject({ created: 2, completed: 2 });
    for (const s of [twice, untilFeb]) {
      expect(await subscriptionOf(db, s.id)).toMatchObject({ status: "completed", nextRunAt: null, nextCycleIndex: 2 });
      expect((await ordersOf(db, s.id)).map((o) => o.cycleIndex)).toEqual([0, 1]);
      const last = (await auditOf(db, s.id)).at(-1)!;
      expect(last).toMatchObject({ action: "completed", fromState: "active", toState: "completed", data: { lastCycleIndex: 1 } });
    }
    expect((await run("2027-12-31T00:00:00Z")).claimed).toBe(0);
  });

  it("completes, without an order, a subscription whose cursor is already past its end", async () => {
    const db = getDb();
    const sub = await makeSubscription(db, { endKind: "after_cycles", endCycles: 1, nextCycleIndex: 1, nextRunAt: at("2027-02-28T14:00:00Z") });
    expect(await run("2027-03-01T00:00:00Z")).toMatchObject({ claimed: 1, created: 0, completed: 1 });
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ status: "completed", nextRunAt: null });
  });

  it("catch-up: after downtime generates only the latest missed cycle and records the others as missed", async () => {
    const db = getDb();
    const product = await makeProduct(db, { stock: 50 });
    const sub = await makeSubscription(db, {
      productId: product.id,
      frequency: "daily",
      anchorDate: "2027-01-01",
      nextRunAt: at("2027-01-01T14:00:00Z"),
    });
    // Down from Jan 1 to Jan 10 15:00Z: cycles 0–9 (Jan 1–10 at 14:00Z) are due.
    const r = await run("2027-01-10T15:00:00Z");
    expect(r).toMatchObject({ claimed: 1, created: 1 });
    expect((await ordersOf(db, sub.id)).map((o) => o.cycleIndex)).toEqual([9]);
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextCycleIndex: 10, nextRunAt: at("2027-01-11T14:00:00Z") });
    const audit = await auditOf(db, sub.id);
    expect(audit.map((a) => [a.action, a.data?.cycleIndex ?? a.data?.handledCycle])).toEqual([
      ["cycles_missed", 9],
      ["cycle_generated", 9],
    ]);
    expect(audit[0]!.data).toEqual({ from: 0, to: 8, count: 9, handledCycle: 9 });
    expect(new Date(String(audit[1]!.data?.nextRunAt))).toEqual(at("2027-01-11T14:00:00Z"));
    expect((await stockOf(db, product.id)).reserved).toBe(1);
  });

  it("catch-up respects a skip of the latest due cycle and a reschedule into the future", async () => {
    const db = getDb();
    const skipped = await makeSubscription(db, { frequency: "weekly", anchorDate: "2027-01-01", nextRunAt: at("2027-01-01T14:00:00Z") });
    await addOverride(db, { subscriptionId: skipped.id, cycleIndex: 3, kind: "skip" });
    const moved = await makeSubscription(db, { frequency: "weekly", anchorDate: "2027-01-01", nextRunAt: at("2027-01-01T14:00:00Z") });
    await addOverride(db, { subscriptionId: moved.id, cycleIndex: 3, kind: "reschedule", localDate: "2027-01-25" });
    // Weekly from Jan 1: cycles 0–3 (Jan 1, 8, 15, 22) are due on Jan 23.
    await run("2027-01-23T00:00:00Z");
    expect(await ordersOf(db, skipped.id)).toEqual([]);
    expect(await subscriptionOf(db, skipped.id)).toMatchObject({ nextCycleIndex: 4 });
    expect((await ordersOf(db, moved.id)).map((o) => o.cycleIndex)).toEqual([2]);
    expect(await subscriptionOf(db, moved.id)).toMatchObject({ nextCycleIndex: 3, nextRunAt: at("2027-01-25T14:00:00Z") });
  });

  it("generateForSubscriptions creates the first order at once, even before it is due, and is idempotent", async () => {
    const db = getDb();
    const product = await makeProduct(db, { stock: 10 });
    const sub = await makeSubscription(db, { productId: product.id, nextRunAt: at("2027-01-31T14:00:00Z") });
    const now = at("2027-01-20T10:00:00Z");
    const created = await db.transaction((tx) => generateForSubscriptions(tx, [sub.id], now));
    expect(created).toEqual([{ orderId: expect.any(String), subscriptionId: sub.id, cycleIndex: 0 }]);
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextCycleIndex: 1, nextRunAt: at("2027-02-28T14:00:00Z") });

    // Replaying the same cycle (cursor moved back by hand) hits the unique key: no order, no stock.
    await db.update(subscriptions).set({ nextCycleIndex: 0 }).where(eq(subscriptions.id, sub.id));
    expect(await db.transaction((tx) => generateForSubscriptions(tx, [sub.id], now))).toEqual([]);
    expect(await ordersOf(db, sub.id)).toHaveLength(1);
    expect((await stockOf(db, product.id)).reserved).toBe(1);
  });

  it("ignores subscriptions that are not active", async () => {
    const db = getDb();
    const customer = await makeCustomer(db);
    const paused = await makeSubscription(db, { customerId: customer.id, status: "paused" });
    const cancelled = await makeSubscription(db, { customerId: customer.id, status: "cancelled" });
    expect((await run("2027-02-01T00:00:00Z")).claimed).toBe(0);
    expect(await db.transaction((tx) => generateForSubscriptions(tx, [paused.id, cancelled.id], at("2027-02-01T00:00:00Z")))).toEqual([]);
  });
});
