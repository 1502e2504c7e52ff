import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, orders, payments } from "@/db/schema";
import { cancelOrderExternally } from "../runtime/cancel-order";
import { redriveStuckOrders } from "../runtime/redrive-stuck-orders";
import { startOrderWorkflow } from "../runtime/start-order-workflow";
import { makeOrder, orderRow, stockOf, transitionsOf } from "@/test/support/workflows/order-factory";
import { startWorkflowHarness, type WorkflowHarness } from "@/test/support/workflows/workflow-harness";

/** A cancel from outside the workflow (a channel's): the runtime's guarded move, then its terminal run settles. */
describe("workflow runtime: external cancel", () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await startWorkflowHarness();
  });
  afterAll(() => h.stopAll());
  afterEach(() => expect(h.executor.protocolIssues()).toEqual([]));

  it("moves a paid, reserved order to cancelled with a transition audit row, frees its stock at once and refunds it after commit", async () => {
    const db = getDb();
    const { order, products } = await makeOrder(db, { lines: [{ priceMinor: 2_500, quantity: 2, stock: 10 }] });
    await h.client.send({ name: "order/created", data: { orderId: order.id } });
    await h.waitForState(order.id, "ready_to_ship");
    const before = await orderRow(db, order.id);
    expect((await stockOf(db, products[0]!.id)).reserved).toBe(2);

    const now = new Date();
    const { seq, event } = await db.transaction((tx) =>
      cancelOrderExternally(tx, {
        orderId: order.id,
        from: before.state,
        seq: before.transitionSeq,
        versionId: before.workflowVersionId,
        actor: { type: "channel", id: "shopify" },
        now,
        data: { event: "intake/cancelled", payloadId: "p-1" },
      }),
    );
    expect(seq).toBe(before.transitionSeq + 1);
    expect(await orderRow(db, order.id)).toMatchObject({ state: "cancelled", transitionSeq: seq });
    expect((await stockOf(db, products[0]!.id)).reserved).toBe(0);
    expect((await transitionsOf(db, order.id)).at(-1)).toMatchObject({
      fromState: "ready_to_ship",
      toState: "cancelled",
      actorType: "channel",
      actorId: "shopify",
      data: expect.objectContaining({ via: "external", event: "intake/cancelled", fromSeq: before.transitionSeq, seq }),
    });

    // A second cancel from the same stale view is a conflict, not a second move.
    await expect(
      db.transaction((tx) =>
        cancelOrderExternally(tx, {
          orderId: order.id,
          from: before.state,
          seq: before.transitionSeq,
          versionId: before.workflowVersionId,
          actor: { type: "channel", id: "shopify" },
          now,
          data: {},
        }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    // The returned event runs the terminal state, whose settlement gives the money back.
    expect(event).toMatchObject({ name: "order/state.entered", data: { orderId: order.id, state: "cancelled", seq } });
    await h.client.send(event!);
    await h.waitFor(
      async () =>
        (
          await db
            .select()
            .from(auditLog)
            .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, "settled")))
        ).length === 1,
      "settled",
    );
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(payment!.status).not.toBe("captured");
    expect(await stockOf(db, products[0]!.id)).toMatchObject({ onHand: 10, reserved: 0 });
  });

  it("an order cancelled before its workflow started is never announced, pinned or revived", async () => {
    const db = getDb();
    const { order, products } = await makeOrder(db, { lines: [{ quantity: 2, reserved: 2, stock: 10 }] });
    const now = new Date();
    const { event } = await db.transaction((tx) =>
      cancelOrderExternally(tx, {
        orderId: order.id,
        from: "created",
        seq: 0,
        versionId: null,
        actor: { type: "channel", id: "api" },
        now,
        data: { event: "intake/cancelled" },
      }),
    );
    expect(event).toBeNull();
    expect((await stockOf(db, products[0]!.id)).reserved).toBe(0);
    await db
      .update(orders)
      .set({ createdAt: new Date(now.getTime() - 3_600_000) })
      .where(eq(orders.id, order.id));
    const swept = await redriveStuckOrders(db, { now, olderThanMinutes: 5 });
    expect(swept.events.filter((e) => e.data.orderId === order.id)).toEqual([]);
    expect(await startOrderWorkflow(db, order.id, now)).toBeNull();
    expect(await orderRow(db, order.id)).toMatchObject({ state: "cancelled", workflowVersionId: null, transitionSeq: 1 });
  });
});
