import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** Enabled stores whose interval (reconcile_every_minutes, default 15) has passed since their last run. */
export async function findDueConnections(db: DbOrTx, opts: { now: Date }): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    SELECT id FROM channel_connections
    WHERE enabled AND channel <> 'api'
      AND (last_reconciled_at IS NULL OR last_reconciled_at + make_interval(mins => reconcile_every_minutes) <= ${opts.now.toISOString()}::timestamptz)
    ORDER BY last_reconciled_at NULLS FIRST
    LIMIT 100`);
  return rows.map((r) => r.id);
}
