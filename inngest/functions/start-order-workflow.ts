import type { Inngest } from "inngest";
import { getDb } from "@/db/client";
import { stateEnteredEvent } from "@/server/workflows/runtime/commit-transition";
import { startOrderWorkflow } from "@/server/workflows/runtime/start-order-workflow";
import { inngest } from "../client";
import { orderCreated } from "../events";

/**
 * order/created → pin the order to the live workflow version (guarded: only if unpinned) and
 * enter the initial state. A duplicate event finds the existing pin and re-sends the same
 * state-entered event id, which Inngest deduplicates.
 */
export function createStartOrderWorkflow(client: Inngest) {
  return client.createFunction(
    { id: "start-order-workflow", triggers: [orderCreated] },
    async ({ event, step }) => {
      const started = await step.run("pin-version", () => startOrderWorkflow(getDb(), event.data.orderId, new Date()));
      if (!started) return { started: false as const };
      await step.sendEvent("enter-initial-state", [stateEnteredEvent(started.orderId, started.state, started.versionId, started.seq)]);
      return { started: true as const, ...started };
    },
  );
}

export const startOrderWorkflowFunction = createStartOrderWorkflow(inngest);
