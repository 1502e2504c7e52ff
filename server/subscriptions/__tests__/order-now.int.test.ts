import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cancelSubscription } from "../cancel-subscription";
import { createSubscription } from "../create-subscription";
import { orderNow } from "../order-now";
import { pauseSubscription } from "../pause-subscription";
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

async function setup(stock = 100) {
  const db = getDb();
  const customer = await makeCustomer(db);
  const product = await makeProduct(db, { stock });
  const { subscription } = await createSubscription(db, customer.actor, createInput(product.id), NOW);
  return { db, ...customer, product, id: subscription.id };
}

describe("order now", () => {
  it("creates an extra order outside the series; the anchor, cursor and next date don't move", async () => {
    const { db, actor, user, product, id } = await setup();
    const before = await subscriptionRow(db, id);
    const { orderId, created } = await orderNow(db, actor, id, {}, NOW);
    expect(created).toBe(true);

    const extra = (await ordersOf(db, id)).find((o) => o.id === orderId);
    expect(extra).toMatchObject({ kind: "order_now", cycleIndex: null, customerId: actor.customerId, totalMinor: 4800, flags: [] });
    expect(extra?.scheduledFor?.toISOString()).toBe(NOW.toISOString());
    expect(extra?.shippingAddress).toMatchObject({ line1: "1 Main St", postalCode: "12345" });
    expect(await linesOf(db, orderId)).toMatchObject([{ quantity: 2, reservedQuantity: 2, sku: product.sku }]);
    expect((await stockOf(db, product.id)).reserved).toBe(4); // first order + this one

    const after = await subscriptionRow(db, id);
    expect(after).toMatchObject({
      anchorDate: before.anchorDate,
      anchorIndex: before.anchorIndex,
      nextCycleIndex: before.nextCycleIndex,
      nextRunAt: before.nextRunAt,
    });
    expect((await auditActions(db, id)).at(-1)).toMatchObject({ action: "order_now", actorId: user.id, data: { orderId } });
    expect(sink.events).toContainEqual(expect.objectContaining({ name: "order/created", data: { orderId } }));
  });

  it("with an idempotency key, a retry returns the same order", async () => {
    const { db, actor, id } = await setup();
    const first = await orderNow(db, actor, id, { idempotencyKey: "click-1" }, NOW);
    const again = await orderNow(db, actor, id, { idempotencyKey: "click-1" }, NOW);
    expect(again).toEqual({ orderId: first.orderId, created: false });
    const other = await orderNow(db, actor, id, { idempotencyKey: "click-2" }, NOW);
    expect(other.orderId).not.toBe(first.orderId);
    expect((await ordersOf(db, id)).filter((o) => o.kind === "order_now")).toHaveLength(2);
  });

  it("reserves what is in stock and flags the rest backordered", async () => {
    const { db, actor, product, id } = await setup(3); // the first order took 2
    const { orderId } = await orderNow(db, actor, id, {}, NOW);
    expect(await linesOf(db, orderId)).toMatchObject([{ quantity: 2, reservedQuantity: 1 }]);
    expect((await ordersOf(db, id)).find((o) => o.id === orderId)?.flags).toEqual(["backordered"]);
    expect((await stockOf(db, product.id)).reserved).toBe(3);
  });

  it("is allowed while paused, refused once cancelled, and a 404 for someone else", async () => {
    const { db, actor, id } = await setup();
    const stranger = await makeCustomer(db);
    expect(await errorOf(orderNow(db, stranger.actor, id, {}, NOW))).toMatchObject({ code: "NOT_FOUND" });
    await pauseSubscription(db, actor, id, {}, NOW);
    expect((await orderNow(db, actor, id, {}, NOW)).created).toBe(true);
    await cancelSubscription(db, actor, id, {}, NOW);
    expect(await errorOf(orderNow(db, actor, id, {}, NOW))).toMatchObject({ code: "CONFLICT" });
  });
});
