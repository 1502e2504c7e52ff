import type { Inngest } from "inngest";
import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { redriveStuckOrders } from "@/server/workflows/runtime/redrive-stuck-orders";
import { inngest } from "../client";

/**
 * Every minute: orders idle past WORKFLOW_STUCK_AFTER_MINUTES in a state that should move by
 * itself (a lost event, a crashed run) get their state-entered event again. Postgres says
 * what is unfinished; the engine only drives (README.md, "Architecture").
 */
export function createSweepStuckOrders(client: Inngest) {
  return client.createFunction({ id: "sweep-stuck-orders", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } }, async ({ step }) => {
    const found = await step.run("find-stuck-orders", () =>
      redriveStuckOrders(getDb(), { now: new Date(), olderThanMinutes: env().WORKFLOW_STUCK_AFTER_MINUTES }),
    );
    if (found.events.length > 0) await step.sendEvent("redrive", found.events);
    return { redriven: found.redriven, unstarted: found.unstarted };
  });
}

export const sweepStuckOrdersFunction = createSweepStuckOrders(inngest);
