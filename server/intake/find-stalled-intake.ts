import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Payloads still `received` whose last attempt (or arrival) is older than `olderThanSeconds`:
 * their retry event was lost (crash, Inngest unreachable). Re-driving is harmless — processing
 * is guarded by the row lock and the status — so the sweeper re-sends intake/received.
 */
export async function findStalledPayloads(
  db: DbOrTx, opts: { now: Date; olderThanSeconds?: number; limit?: number },
): Promise<{ payloadId: string; attempts: number }[]> {
  const before = new Date(opts.now.getTime() - (opts.olderThanSeconds ?? 120) * 1000).toISOString();
  const rows = await db.execute<{ id: string; attempts: number }>(sql`
    SELECT id, attempts FROM intake_payloads
    WHERE status = 'received' AND COALESCE(last_attempt_at, received_at) < ${before}::timestamptz
    ORDER BY received_at
    LIMIT ${opts.limit ?? 500}`);
  return rows.map((r) => ({ payloadId: r.id, attempts: Number(r.attempts) }));
}

/**
 * Intake orders whose workflow never started (the order/created send after commit was lost),
 * the same rule generation applies to its orders: re-sent with their deterministic event id.
 */
export async function findUnannouncedIntakeOrders(
  db: DbOrTx, opts: { now: Date; olderThanMinutes?: number; withinHours?: number; limit?: number },
): Promise<string[]> {
  const olderThan = new Date(opts.now.getTime() - (opts.olderThanMinutes ?? 5) * 60_000).toISOString();
  const within = new Date(opts.now.getTime() - (opts.withinHours ?? 24) * 3_600_000).toISOString();
  const rows = await db.execute<{ id: string }>(sql`
    SELECT id FROM orders
    WHERE kind = 'intake' AND state = 'created' AND workflow_version_id IS NULL
      AND created_at < ${olderThan}::timestamptz AND created_at >= ${within}::timestamptz
    ORDER BY created_at
    LIMIT ${opts.limit ?? 1000}`);
  return rows.map((r) => r.id);
}
