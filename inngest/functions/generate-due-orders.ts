import { getDb } from "@/db/client";
import { env, generationDisabled } from "@/server/env";
import { orderCreatedEvent } from "@/server/generation/emit-order-created";
import { generateDueBatch } from "@/server/generation/generate-due";
import { inngest } from "../client";

/** A run does at most this many batches; the next minute's run continues (Inngest caps steps per run). */
export const MAX_BATCHES_PER_RUN = 50;
/** Events per step.sendEvent call, well under Inngest's request size limit. */
const EVENTS_PER_SEND = 500;

/**
 * Every minute: generate the orders of all due cycles, batch by batch (each batch one step,
 * one transaction — see server/generation/generate-due.ts), then announce each batch's orders
 * with order/created (deterministic ids, so a retried step can't double-announce). If a send
 * is lost anyway (crash between a batch's COMMIT and its send), the order is still in Postgres
 * with no workflow pinned, and the workflow sweeper (sweep-stuck-orders) re-announces it.
 *
 * concurrency 1: overlapping runs would be safe (SKIP LOCKED, unique keys) but would only
 * compete for the same rows and connections. GENERATION_DISABLED=1 turns the run into a no-op.
 */
export const generateDueOrders = inngest.createFunction(
  { id: "generate-due-orders", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step, logger }) => {
    if (generationDisabled()) {
      logger.warn("order generation is disabled (GENERATION_DISABLED); skipping this run");
      return { disabled: true as const };
    }
    const batchSize = env().GENERATION_BATCH_SIZE;
    const totals = { batches: 0, claimed: 0, created: 0, skipped: 0, completed: 0, failed: 0 };
    for (let n = 0; n < MAX_BATCHES_PER_RUN; n++) {
      const batch = await step.run(`generate-batch-${n}`, async () => {
        const { orders, ...counts } = await generateDueBatch(getDb(), { now: new Date(), batchSize });
        return { ...counts, orderIds: orders.map((o) => o.orderId) };
      });
      totals.batches++;
      totals.claimed += batch.claimed;
      totals.created += batch.created;
      totals.skipped += batch.skipped;
      totals.completed += batch.completed;
      totals.failed += batch.failed;
      await announce(`order-created-${n}`, batch.orderIds);
      if (batch.claimed < batchSize) break;
    }
    return totals;

    async function announce(stepId: string, orderIds: string[]) {
      for (let i = 0; i < orderIds.length; i += EVENTS_PER_SEND) {
        await step.sendEvent(`${stepId}-${i / EVENTS_PER_SEND}`, orderIds.slice(i, i + EVENTS_PER_SEND).map(orderCreatedEvent));
      }
    }
  },
);
