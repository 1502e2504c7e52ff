import { env } from "@/server/env";

/**
 * Batching and concurrency shared by the two batch functions (start-order-workflow,
 * drive-orders): one env-scoped limit, so together they never hold more than
 * WORKFLOW_BATCH_RUNS × WORKFLOW_BATCH_PARALLELISM database connections. Read when the
 * functions are defined (module load), like any Inngest function config.
 */
export function workflowBatching() {
  const e = env();
  return {
    batchEvents: { maxSize: e.WORKFLOW_BATCH_SIZE, timeout: "1s" as const },
    concurrency: { limit: e.WORKFLOW_BATCH_RUNS, key: '"workflow-batches"', scope: "env" as const },
    parallelism: e.WORKFLOW_BATCH_PARALLELISM,
  };
}
