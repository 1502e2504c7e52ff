import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/**
 * Retention (docs/security.md): rejected payloads — bad signatures, oversized bodies, refused
 * state changes — received more than `retentionDays` before `now` are deleted; no other status
 * is touched (accepted, dead-lettered and ignored payloads are the intake's record). A rejected
 * payload another row points at (duplicate_of, superseded_by) stays. One statement, on the
 * (status, received_at) index; returns how many went.
 */
export async function purgeRejectedPayloads(db: Database, opts: { now: Date; retentionDays: number }): Promise<number> {
  const cutoff = new Date(opts.now.getTime() - opts.retentionDays * 86_400_000);
  const rows = await db.execute<{ id: string }>(sql`
    DELETE FROM intake_payloads p
    WHERE p.status = 'rejected' AND p.received_at < ${cutoff.toISOString()}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM intake_payloads r WHERE r.duplicate_of = p.id OR r.superseded_by = p.id)
    RETURNING p.id`);
  return rows.length;
}
