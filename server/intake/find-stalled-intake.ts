import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Payloads still `received` whose last attempt (or arrival) is older than `olderThanSeconds`:
 * their retry event was lost (crash, Inngest unreachable). Re-driving is harmless — processing
 * is guarded by the row lock and the status — so the sweeper re-sends intake/received.
 */
export async function findStalledPayloads(
  db: DbOrTx,
  opts: { now: Date; olderThanSeconds?: number; limit?: number },
): Promise<{ payloadId: string; attempts: number }[]> {
  const before = new Date(opts.now.getTime() - (opts.olderThanSeconds ?? 120) * 1000).toISOString();
  const rows = await db.execute<{ id: string; attempts: number }>(sql`
    SELECT id, attempts FROM intake_payloads
    WHERE status = 'received' AND COALESCE(last_attempt_at, received_at) < ${before}::timestamptz
    ORDER BY received_at
    LIMIT ${opts.limit ?? 500}`);
  return rows.map((r) => ({ payloadId: r.id, attempts: Number(r.attempts) }));
}
