import { getDb } from "@/db/client";
import { env, generationDisabled } from "@/server/env";
import { generateAllDue } from "@/server/generation/generate-due";
import { announceOrders } from "@/server/orders/announce-orders";
import { inngest } from "../client";
import { generationContinue } from "../events";

/** A run does at most this many batches; the next minute's run continues (Inngest caps steps per run). */
export const MAX_BATCHES_PER_RUN = 50;

/**
 * Every minute: generate the orders of all due cycles, one step per round, each round
 * GENERATION_WORKERS batches in parallel (each batch one transaction on its own connection,
 * see server/generation/generate-due.ts), and announce each round's orders with order/created
 * (deterministic ids: a retried step can't double-announce). Stops after the first round with
 * a short batch (nothing due is left unlocked) or after MAX_BATCHES_PER_RUN batches; the next
 * minute continues — or, when the cap was reached with work left, a generation/continue event
 * starts the next run at once, so a 1M renewal day is not paced by the cron. If a send is lost anyway (a crash between COMMIT and the step's result),
 * the order is still in Postgres with no workflow pinned, and the workflow sweeper
 * (sweep-stuck-orders) re-announces it.
 *
 * Parallelism lives inside the step rather than in parallel steps: one step = one unit whose
 * result (the order ids to announce) the engine records once.
 * concurrency 1: overlapping runs would be safe (SKIP LOCKED, unique keys) but would only
 * compete for the same rows and connections. GENERATION_DISABLED=1 turns the run into a no-op.
 */
export const generateDueOrders = inngest.createFunction(
  { id: "generate-due-orders", triggers: [{ cron: "* * * * *" }, generationContinue], concurrency: { limit: 1 } },
  async ({ event, step, logger }) => {
    if (generationDisabled()) {
      logger.warn("order generation is disabled (GENERATION_DISABLED); skipping this run");
      return { disabled: true as const };
    }
    const { GENERATION_BATCH_SIZE: batchSize, GENERATION_WORKERS: workers } = env();
    const totals = { batches: 0, claimed: 0, created: 0, skipped: 0, completed: 0, failed: 0 };
    let more = false;
    for (let n = 0; totals.batches < MAX_BATCHES_PER_RUN; n++) {
      const round = await step.run(`generate-batch-${n}`, async () => {
        const { orders, ...counts } = await generateAllDue(getDb(), {
          now: new Date(),
          batchSize,
          workers,
          maxBatches: workers,
          collectOrders: true,
        });
        return { ...counts, orderIds: orders.map((o) => o.orderId) };
      });
      totals.batches += round.batches;
      totals.claimed += round.claimed;
      totals.created += round.created;
      totals.skipped += round.skipped;
      totals.completed += round.completed;
      totals.failed += round.failed;
      // The one announcement policy (server/orders): a send that still fails after the step's
      // retries is logged and left to the stuck-order sweeper; the run goes on generating.
      await announceOrders(round.orderIds, (k, events) => step.sendEvent(`order-created-${n}-${k}`, events));
      more = round.claimed === round.batches * batchSize && round.claimed > 0;
      if (!more) break;
    }
    if (more) {
      // Deterministic per hop, so a retried step cannot fork two chains.
      const after = (event.name === generationContinue.name ? (event.data as { after: number }).after : 0) + 1;
      await step.sendEvent("continue", generationContinue.create({ after }, { id: `generation-continue-${event.id ?? "cron"}-${after}` }));
    }
    return totals;
  },
);
