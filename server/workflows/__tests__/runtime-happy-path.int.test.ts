import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { attemptsOf, makeOrder, orderRow, stockOf, transitionsOf } from "@/test/support/workflows/order-factory";
import { startWorkflowHarness, type WorkflowHarness } from "@/test/support/workflows/workflow-harness";

/**
 * The default workflow end to end: real Inngest functions served over HTTP, driven by the
 * local executor, against Postgres. Assertions read the database (the source of truth).
 */
describe("workflow runtime: default workflow, happy paths", () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await startWorkflowHarness();
  });
  afterAll(() => h.stopAll());
  afterEach(() => expect(h.executor.protocolIssues()).toEqual([]));

  it("a small order is pinned, validated, paid, reserved and waits ready to ship; order/shipped ships it", async () => {
    const db = getDb();
    const { order, products } = await makeOrder(db, { lines: [{ priceMinor: 2_500, quantity: 2, stock: 10 }] });
    await h.client.send({ name: "order/created", data: { orderId: order.id } });
    await h.waitForState(order.id, "ready_to_ship");

    const pinned = await orderRow(db, order.id);
    expect(pinned.workflowVersionId).not.toBeNull();
    expect((await stockOf(db, products[0]!.id)).reserved).toBe(2);
    const path = (await transitionsOf(db, order.id)).map((t) => `${t.fromState}→${t.toState}`);
    expect(path).toEqual(["created→validation", "validation→processing", "processing→ready_to_ship"]);
    const validation = (await transitionsOf(db, order.id))[1]!;
    expect(validation.data).toMatchObject({
      guard: "default",
      versionId: pinned.workflowVersionId,
      inputs: { addressValid: true, total: 5_000 },
      attempts: { a_tax_customs_check: 1 },
    });
    expect(validation.actorType).toBe("system");
    const attempts = await attemptsOf(db, order.id);
    expect(attempts.map((a) => `${a.actionId}:${a.status}`).sort()).toEqual([
      "a_authorize_payment:succeeded",
      "a_capture_payment:succeeded",
      "a_reserve_inventory:succeeded",
      "a_tax_customs_check:succeeded",
    ]);

    await h.client.send({ name: "order/shipped", data: { orderId: order.id } });
    await h.waitForState(order.id, "shipped");
    // Shipping consumes the reserved units: they leave the warehouse.
    await h.waitFor(async () => (await stockOf(db, products[0]!.id)).reserved === 0, "stock consumed");
    expect(await stockOf(db, products[0]!.id)).toMatchObject({ onHand: 8, reserved: 0 });
  });

  it("an order with an invalid address is rejected", async () => {
    const db = getDb();
    const { order, products } = await makeOrder(db, { addressValid: false, lines: [{ reserved: 1, stock: 5 }] });
    await h.client.send({ name: "order/created", data: { orderId: order.id } });
    await h.waitForState(order.id, "rejected");
    const [, reject] = await transitionsOf(db, order.id);
    expect(reject).toMatchObject({ fromState: "validation", toState: "rejected", data: expect.objectContaining({ guard: "addressValid = false" }) });
    // Ending without shipping gives back what generation had reserved.
    await h.waitFor(async () => (await stockOf(db, products[0]!.id)).reserved === 0, "reservation released");
  });
});
