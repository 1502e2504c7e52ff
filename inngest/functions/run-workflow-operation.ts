import { getDb } from "@/db/client";
import { stalledWorkflowOperations } from "@/server/workflows/admin/get-workflow-operation";
import { runOperationBatch } from "@/server/workflows/runtime/run-operation-batch";
import type { Inngest } from "inngest";
import { inngest } from "../client";
import { workflowOperationRequested } from "../events";

/** Bound on batches per run; a longer operation is resumed by the cron trigger below. */
const MAX_BATCHES = 200;

/**
 * Runs a bulk operation or migration batch by batch: each step is one transaction
 * (server/workflows/runtime/run-operation-batch.ts) that moves up to 100 orders and advances
 * the row the progress bar polls; the moved orders' events go out in the next step, after
 * commit. The row, not this run, is the truth: the cron re-sends operations left unfinished.
 */
export function createRunWorkflowOperation(client: Inngest) {
  return client.createFunction(
    {
      id: "run-workflow-operation",
      triggers: [workflowOperationRequested, { cron: "*/2 * * * *" }],
      concurrency: { limit: 2 },
    },
    async ({ event, step }) => {
      if (!("operationId" in (event.data ?? {}))) {
        const stalled = await step.run("find-stalled-operations", () => stalledWorkflowOperations(getDb(), new Date()));
        if (stalled.length > 0)
          await step.sendEvent(
            "resume-stalled-operations",
            stalled.map((operationId) => workflowOperationRequested.create({ operationId })),
          );
        return { resumed: stalled.length };
      }
      const operationId = (event.data as { operationId: string }).operationId;
      for (let n = 0; n < MAX_BATCHES; n++) {
        const r = await step.run(`batch-${n}`, () => runOperationBatch(getDb(), operationId, new Date()));
        if (r.events.length > 0) await step.sendEvent(`enter-${n}`, r.events);
        if (r.done) return { done: true, batches: n + 1 };
      }
      return { done: false };
    },
  );
}

export const runWorkflowOperation = createRunWorkflowOperation(inngest);
