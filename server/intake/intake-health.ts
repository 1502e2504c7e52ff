import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** A payload still `received` this long after arrival counts as backlog (normally ms). */
export const INTAKE_BACKLOG_SECONDS = 60;

export type IntakeHealth = { backlog: number; deadLetters: number; oldestBacklogAt: string | null };

/**
 * For GET /api/health: `backlog` = payloads not finished INTAKE_BACKLOG_SECONDS after arrival
 * (retries pending or lost), `deadLetters` = open dead letters waiting for an admin.
 */
export async function intakeHealth(db: DbOrTx, opts: { now: Date; backlogSeconds?: number }): Promise<IntakeHealth> {
  const before = new Date(opts.now.getTime() - (opts.backlogSeconds ?? INTAKE_BACKLOG_SECONDS) * 1000).toISOString();
  const [row] = await db.execute<{ backlog: number; dead_letters: number; oldest: string | null }>(sql`
    SELECT
      count(*) FILTER (WHERE status = 'received' AND received_at < ${before}::timestamptz)::int AS backlog,
      count(*) FILTER (WHERE status = 'dead_lettered')::int AS dead_letters,
      min(received_at) FILTER (WHERE status = 'received' AND received_at < ${before}::timestamptz) AS oldest
    FROM intake_payloads WHERE status IN ('received', 'dead_lettered')`);
  return {
    backlog: Number(row?.backlog ?? 0),
    deadLetters: Number(row?.dead_letters ?? 0),
    oldestBacklogAt: row?.oldest ? new Date(row.oldest).toISOString() : null,
  };
}
