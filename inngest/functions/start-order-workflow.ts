import type { Inngest } from "inngest";
import { getDb } from "@/db/client";
import { defaultRuntimeDeps } from "@/server/workflows/runtime/default-runtime-deps";
import type { RuntimeDeps } from "@/server/workflows/runtime/runtime-deps";
import { startAndDriveOrders } from "@/server/workflows/runtime/start-and-drive-orders";
import { inngest } from "../client";
import { orderCreated } from "../events";
import { workflowBatching } from "./workflow-batching";

/**
 * order/created, in batches → pin every order to the live workflow version (one guarded
 * statement) and drive them through their automatic states in the same step
 * (server/workflows/runtime/drive-orders.ts). A duplicate order/created finds the existing
 * pin; what the batch does not finish goes to per-order runs (order/state.run).
 */
export function createStartOrderWorkflow(client: Inngest, deps: () => RuntimeDeps = () => defaultRuntimeDeps({ db: getDb() })) {
  const { parallelism, ...config } = workflowBatching();
  return client.createFunction({ id: "start-order-workflow", triggers: [orderCreated], ...config }, async ({ events, step }) => {
    const r = await step.run("start-and-drive", () =>
      startAndDriveOrders(
        deps(),
        events.map((e) => e.data.orderId),
        { parallelism },
      ),
    );
    if (r.events.length > 0) await step.sendEvent("hand-off", r.events);
    const { events: sent, ...counts } = r;
    return { ...counts, sent: sent.length };
  });
}

export const startOrderWorkflowFunction = createStartOrderWorkflow(inngest);
