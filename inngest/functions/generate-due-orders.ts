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
 * Every minute: generate the orders of all due cycles, batch by batch — each batch one step,
 * one transaction (server/generation/generate-due.ts), GENERATION_WORKERS of them in parallel
 * per round so the database's cores are used — and announce each batch's orders with
 * order/created (deterministic ids: a retried step can't double-announce). Stops at the first
 * round with a short batch (nothing due is left unlocked) or after MAX_BATCHES_PER_RUN. If a send
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
    const { GENERATION_BATCH_SIZE: batchSize, GENERATION_WORKERS: workers } = env();
    const totals = { batches: 0, claimed: 0, created: 0, skipped: 0, completed: 0, failed: 0 };
    for (let first = 0; first < MAX_BATCHES_PER_RUN; first += workers) {
      const round = Array.from({ length: Math.min(workers, MAX_BATCHES_PER_RUN - first) }, (_, i) => first + i);
      const batches = await Promise.all(round.map((n) => step.run(`generate-batch-${n}`, async () => {
        const { orders, ...counts } = await generateDueBatch(getDb(), { now: new Date(), batchSize });
        return { ...counts, orderIds: orders.map((o) => o.orderId) };
      })));
      for (const batch of batches) {
        totals.batches++;
        totals.claimed += batch.claimed;
        totals.created += batch.created;
        totals.skipped += batch.skipped;
        totals.completed += batch.completed;
        totals.failed += batch.failed;
      }
      await Promise.all(batches.map((batch, i) => announce(`order-created-${round[i]}`, batch.orderIds)));
      if (batches.some((b) => b.claimed < batchSize)) break;
    }
    return totals;

    async function announce(stepId: string, orderIds: string[]) {
      for (let i = 0; i < orderIds.length; i += EVENTS_PER_SEND) {
        await step.sendEvent(`${stepId}-${i / EVENTS_PER_SEND}`, orderIds.slice(i, i + EVENTS_PER_SEND).map(orderCreatedEvent));
      }
    }
  },
);
