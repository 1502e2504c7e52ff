import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Generated orders whose workflow never started (still in the initial `created` state with
 * no workflow version) some minutes after creation: their order/created event was probably
 * lost (crash between COMMIT and send). Re-sending is harmless — the event id is
 * deterministic and starting a workflow is a guarded UPDATE — so the generation cron
 * re-emits these. Bounded by age so an order that genuinely can't start isn't re-sent forever.
 */
export async function findUnannouncedOrders(
  db: DbOrTx, opts: { now: Date; olderThanMinutes?: number; withinHours?: number; limit?: number },
): Promise<{ orderId: string }[]> {
  const olderThan = new Date(opts.now.getTime() - (opts.olderThanMinutes ?? 5) * 60_000);
  const within = new Date(opts.now.getTime() - (opts.withinHours ?? 24) * 3_600_000);
  const rows = await db.execute<{ id: string }>(sql`
    SELECT id FROM orders
    WHERE state = 'created' AND workflow_version_id IS NULL AND kind = 'subscription'
      AND created_at < ${olderThan.toISOString()}::timestamptz AND created_at >= ${within.toISOString()}::timestamptz
    ORDER BY created_at
    LIMIT ${opts.limit ?? 1000}`);
  return rows.map((r) => ({ orderId: r.id }));
}
