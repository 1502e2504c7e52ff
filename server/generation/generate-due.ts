import "server-only";
import type { Database } from "@/db/client";
import { generateForRows, type GeneratedOrder, type GenerationOutcome } from "./generate-for-rows";
import { claimDueSubscriptions } from "./load-subscriptions";
import type { FailurePolicy } from "./record-failures";

export interface BatchOptions {
  now: Date;
  batchSize: number;
  policy?: FailurePolicy;
}

export interface BatchResult {
  claimed: number;
  created: number;
  skipped: number;
  completed: number;
  failed: number;
  backordered: number;
  orders: GeneratedOrder[];
}

/**
 * One batch in one transaction: claim up to `batchSize` due subscriptions (FOR NO KEY UPDATE SKIP
 * LOCKED) and generate them set-based. A crash anywhere before COMMIT loses nothing: the
 * claim, orders, reservations and cursor moves roll back together and the rows are claimed
 * again by the next run. Every claimed row leaves the due set (advanced, completed, retried
 * later or paused), so `claimed < batchSize` means nothing due is left for this generator.
 */
export async function generateDueBatch(db: Database, opts: BatchOptions): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    const rows = await claimDueSubscriptions(tx, opts.now, opts.batchSize);
    return toResult(rows.length, await generateForRows(tx, rows, opts.now, opts.policy));
  });
}

export interface AllDueOptions extends BatchOptions {
  /** Stop after this many batches in total (a cron run bounds its work; the next run continues). */
  maxBatches?: number;
  /**
   * Batches in flight at once, each on its own pooled connection (default 1). Safe at any
   * value (SKIP LOCKED, unique keys); more than the database's cores only adds contention.
   */
  workers?: number;
  /** Called after each committed batch, e.g. to emit its order/created events. */
  onBatch?: (batch: BatchResult, index: number) => void | Promise<void>;
  /** Keep every created order in the result (off for bulk runs: 1M ids is a lot of memory). */
  collectOrders?: boolean;
}

export interface AllDueResult extends BatchResult {
  batches: number;
}

/** Runs batches until one claims fewer than `batchSize` rows (or `maxBatches` is reached). */
export async function generateAllDue(db: Database, opts: AllDueOptions): Promise<AllDueResult> {
  const total: AllDueResult = { batches: 0, claimed: 0, created: 0, skipped: 0, completed: 0, failed: 0, backordered: 0, orders: [] };
  const maxBatches = opts.maxBatches ?? Number.POSITIVE_INFINITY;
  let started = 0;
  let drained = false;
  const worker = async () => {
    while (!drained && started < maxBatches) {
      const index = started++;
      const batch = await generateDueBatch(db, opts);
      await opts.onBatch?.(batch, index);
      total.batches++;
      total.claimed += batch.claimed;
      total.created += batch.created;
      total.skipped += batch.skipped;
      total.completed += batch.completed;
      total.failed += batch.failed;
      total.backordered += batch.backordered;
      if (opts.collectOrders) total.orders.push(...batch.orders);
      // A short batch means nothing due was left unlocked: this worker (and the others) stop.
      if (batch.claimed < opts.batchSize) drained = true;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.workers ?? 1) }, worker));
  return total;
}

function toResult(claimed: number, o: GenerationOutcome): BatchResult {
  return {
    claimed,
    created: o.orders.length,
    skipped: o.skipped,
    completed: o.completed,
    failed: o.failed,
    backordered: o.backordered,
    orders: o.orders,
  };
}
