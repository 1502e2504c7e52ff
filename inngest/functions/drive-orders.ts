import type { Inngest } from "inngest";
import { defaultRuntimeDeps } from "@/server/workflows/runtime/default-runtime-deps";
import { driveOrders } from "@/server/workflows/runtime/drive-orders";
import type { RuntimeDeps } from "@/server/workflows/runtime/runtime-deps";
import { inngest } from "../client";
import { orderStateEntered } from "../events";
import { workflowBatching } from "./workflow-batching";

/**
 * order/state.entered, in batches → drive every visit as far as it goes by itself, set-based
 * (server/workflows/runtime/drive-orders.ts), in one step; visits that need waiting, retries
 * or people are handed to per-order durable runs (order/state.run → run-order-state).
 */
export function createDriveOrders(client: Inngest, deps: () => RuntimeDeps = () => defaultRuntimeDeps()) {
  const { parallelism, ...config } = workflowBatching();
  return client.createFunction({ id: "drive-orders", triggers: [orderStateEntered], retries: 5, ...config }, async ({ events, step }) => {
    const r = await step.run("drive", () =>
      driveOrders(
        deps(),
        events.map((e) => ({ ...e.data, eventId: e.id })),
        { parallelism },
      ),
    );
    if (r.events.length > 0) await step.sendEvent("hand-off", r.events);
    const { events: sent, ...counts } = r;
    return { ...counts, sent: sent.length };
  });
}

export const driveOrdersFunction = createDriveOrders(inngest);
