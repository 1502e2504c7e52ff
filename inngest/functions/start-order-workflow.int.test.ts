import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeOrder, orderRow } from "@/server/workflows/test-support/order-factory";
import { startOrderWorkflowFunction } from "./start-order-workflow";

/** @inngest/test: the real pin step against Postgres; the send is stood in for and inspected. */
describe("start-order-workflow (order/created)", () => {
  const engine = (orderId: string) => new InngestTestEngine({
    function: startOrderWorkflowFunction,
    events: [{ name: "order/created", data: { orderId } }],
    steps: [{ id: "enter-initial-state", handler: () => ({ ids: [] }) }],
  });

  it("pins the live version, enters the initial state and announces it with a deterministic id", async () => {
    const { order } = await makeOrder(getDb());
    const { result, ctx } = await engine(order.id).execute();
    const pinned = await orderRow(getDb(), order.id);
    expect(pinned).toMatchObject({ state: "created", transitionSeq: 0 });
    expect(result).toMatchObject({ started: true, versionId: pinned.workflowVersionId, pinnedNow: true });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("enter-initial-state", [
      { name: "order/state.entered", id: `order-${order.id}-0`, data: { orderId: order.id, state: "created", versionId: pinned.workflowVersionId, seq: 0 } },
    ]);
  });

  it("a duplicate order/created does not re-pin", async () => {
    const { order } = await makeOrder(getDb());
    await engine(order.id).execute();
    const { result } = await engine(order.id).execute();
    expect(result).toMatchObject({ started: true, pinnedNow: false });
  });
});
