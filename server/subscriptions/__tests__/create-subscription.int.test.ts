import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications, subscriptions } from "@/db/schema";
import { createSubscription } from "../create-subscription";
import {
  auditActions,
  createInput,
  errorOf,
  linesOf,
  makeCustomer,
  makeProduct,
  NOW,
  ordersOf,
  startEventSink,
  stockOf,
  subscriptionRow,
} from "@/test/support/subscriptions/factories";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

describe("createSubscription (create + confirm)", () => {
  it("stores the schedule, creates the first order at once, audits, notifies and announces it", async () => {
    const db = getDb();
    const { actor, user, address } = await makeCustomer(db);
    const product = await makeProduct(db, { stock: 10 });

    const { subscription, firstOrderId } = await createSubscription(db, actor, createInput(product.id), NOW);

    expect(subscription).toMatchObject({
      status: "active",
      quantity: 2,
      frequency: "monthly",
      anchorDate: "2027-01-31",
      timeZone: "America/New_York",
      // Cycle 0 was generated at confirmation, so the next delivery is the clamped Feb 28 (09:00 EST).
      next: { cycleIndex: 1, localDate: "2027-02-28", at: "2027-02-28T14:00:00.000Z" },
    });
    const row = await subscriptionRow(db, subscription.id);
    expect(row).toMatchObject({ anchorIndex: 0, nextCycleIndex: 1, addressId: address.id, endKind: "until_cancelled" });

    const [order, ...more] = await ordersOf(db, subscription.id);
    expect(more).toHaveLength(0);
    expect(order).toMatchObject({ id: firstOrderId, kind: "subscription", cycleIndex: 0, customerId: actor.customerId, totalMinor: 4800 });
    expect(order!.scheduledFor?.toISOString()).toBe("2027-01-31T14:00:00.000Z");
    expect(await linesOf(db, order!.id)).toMatchObject([{ quantity: 2, reservedQuantity: 2, unitPriceMinor: 2400 }]);
    expect((await stockOf(db, product.id)).reserved).toBe(2);

    const audit = await auditActions(db, subscription.id);
    expect(audit[0]).toMatchObject({ action: "created", actorType: "user", actorId: user.id, fromState: null, toState: "active" });
    expect(audit.map((a) => a.action)).toContain("cycle_generated");

    const inbox = await db.select().from(notifications).where(eq(notifications.customerId, actor.customerId));
    expect(inbox).toMatchObject([{ kind: "subscription_confirmed", link: `/subscriptions/${subscription.id}` }]);
    expect(sink.events).toContainEqual(expect.objectContaining({ name: "order/created", data: { orderId: firstOrderId } }));
  });

  it("accepts today in the customer's zone and refuses yesterday, whatever the UTC date", async () => {
    const db = getDb();
    const { actor } = await makeCustomer(db);
    const product = await makeProduct(db);
    // 03:00Z on Nov 25 is still Nov 24 (22:00) in New York.
    const lateEvening = new Date("2026-11-25T03:00:00Z");
    const ok = await createSubscription(db, actor, createInput(product.id, { startDate: "2026-11-24" }), lateEvening);
    expect(ok.subscription.anchorDate).toBe("2026-11-24");
    const error = await errorOf(createSubscription(db, actor, createInput(product.id, { startDate: "2026-11-23" }), lateEvening));
    expect(error).toMatchObject({ code: "VALIDATION", fields: { startDate: "Start date can't be in the past" } });
  });

  it("uses an explicit time zone for the schedule and for 'today'", async () => {
    const db = getDb();
    const { actor } = await makeCustomer(db);
    const product = await makeProduct(db);
    const { subscription } = await createSubscription(db, actor, createInput(product.id, { timeZone: "Asia/Tokyo", localTime: "07:30" }), NOW);
    expect(subscription).toMatchObject({ timeZone: "Asia/Tokyo", next: { localDate: "2027-02-28", at: "2027-02-27T22:30:00.000Z" } });
  });

  it("refuses unknown, unsellable and non-standard products and foreign addresses, creating nothing", async () => {
    const db = getDb();
    const { actor } = await makeCustomer(db);
    const other = await makeCustomer(db);
    const retired = await makeProduct(db, { sellable: false });
    const phantom = await makeProduct(db, { kind: "phantom" });
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [createInput("00000000-0000-4000-8000-000000000000"), { productId: "This product doesn't exist" }],
      [createInput(retired.id), { productId: "This product can't be subscribed to" }],
      [createInput(phantom.id), { productId: "This product can't be subscribed to" }],
      [
        createInput(retired.id, { addressId: other.address.id, startDate: "2026-01-01" }),
        {
          productId: "This product can't be subscribed to",
          addressId: "Choose one of your addresses",
          startDate: "Start date can't be in the past",
        },
      ],
    ];
    for (const [input, fields] of cases) {
      const error = await errorOf(createSubscription(db, actor, input as ReturnType<typeof createInput>, NOW));
      expect(error).toMatchObject({ code: "VALIDATION", fields });
    }
    expect(await db.select().from(subscriptions).where(eq(subscriptions.customerId, actor.customerId))).toEqual([]);
  });

  it("stores after_cycles and on_date end conditions", async () => {
    const db = getDb();
    const { actor } = await makeCustomer(db);
    const product = await makeProduct(db);
    const a = await createSubscription(db, actor, createInput(product.id, { end: { kind: "after_cycles", cycles: 6 } }), NOW);
    expect(await subscriptionRow(db, a.subscription.id)).toMatchObject({ endKind: "after_cycles", endCycles: 6, endDate: null });
    const b = await createSubscription(db, actor, createInput(product.id, { end: { kind: "on_date", endDate: "2027-03-31" } }), NOW);
    expect(b.subscription.end).toEqual({ kind: "on_date", cycles: null, endDate: "2027-03-31" });
  });
});
