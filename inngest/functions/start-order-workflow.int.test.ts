import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeOrder, orderRow } from "@/test/support/workflows/order-factory";
import { startOrderWorkflowFunction } from "./start-order-workflow";

/** @inngest/test: the real start-and-drive step against Postgres, for a batch of order/created events. */
describe("start-order-workflow (order/created, batched)", () => {
  const engine = (orderIds: string[]) =>
    new InngestTestEngine({
      function: startOrderWorkflowFunction,
      events: orderIds.map((orderId) => ({ name: "order/created", data: { orderId } })) as [{ name: "order/created"; data: { orderId: string } }],
      steps: [{ id: "hand-off", handler: () => ({ ids: [] }) }],
    });

  it("pins every order of the batch to the live version and drives it to where it waits", async () => {
    const a = await makeOrder(getDb());
    const b = await makeOrder(getDb());
    const { result } = await engine([a.order.id, b.order.id]).execute();
    expect(result).toMatchObject({ started: 2, stale: 0 });
    for (const { order } of [a, b]) {
      const row = await orderRow(getDb(), order.id);
      expect(row.workflowVersionId).not.toBeNull();
      // created → validation → processing → ready_to_ship, three guarded commits.
      expect(row).toMatchObject({ state: "ready_to_ship", transitionSeq: 3 });
    }
  });

  it("a duplicate order/created neither re-pins nor re-runs anything", async () => {
    const { order } = await makeOrder(getDb());
    await engine([order.id]).execute();
    const before = await orderRow(getDb(), order.id);
    const { result } = await engine([order.id, order.id]).execute();
    expect(result).toMatchObject({ started: 0, moved: 0 });
    expect(await orderRow(getDb(), order.id)).toMatchObject({ state: before.state, transitionSeq: before.transitionSeq });
  });
});
