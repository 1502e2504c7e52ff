import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { RuntimeEvent } from "./runtime-steps";
import { SHIPPED_STATES } from "./settle-terminal-order";

/** Re-drives per state visit before the sweeper gives up on it (it then needs a human). */
export const MAX_REDRIVES = 5;

type StuckRow = { id: string; state: string; version_id: number; seq: number; redrives: number };

/**
 * Finds orders idle longer than `olderThanMinutes` in a state that should move by itself — a
 * state with an automatic exit in the order's pinned version (states waiting for an event, a
 * decision or a timeout are not stuck) — or in a final state that was never settled (still
 * holds reserved stock or an open payment), records a `workflow_redriven` audit row for each and
 * returns their state-entered events, with fresh ids (the original id is deduplicated).
 * Re-running a visit is harmless: actions are idempotent and the commit is guarded on
 * transition_seq. Also re-announces orders never pinned (order/created lost).
 */
export async function redriveStuckOrders(
  db: Database, opts: { now: Date; olderThanMinutes: number; limit?: number },
): Promise<{ events: RuntimeEvent[]; redriven: number; unstarted: number }> {
  const before = new Date(opts.now.getTime() - opts.olderThanMinutes * 60_000).toISOString();
  const limit = opts.limit ?? 500;
  return db.transaction(async (tx) => {
    const stuck = [...(await tx.execute<StuckRow>(sql`
      WITH candidates AS (
        SELECT o.id, o.state, o.workflow_version_id AS version_id, o.transition_seq AS seq,
          (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'order' AND a.entity_id = o.id::text
             AND a.action = 'workflow_redriven' AND (a.data->>'seq')::int = o.transition_seq) AS redrives
        FROM orders o JOIN workflow_versions v ON v.id = o.workflow_version_id
        WHERE o.state_entered_at < ${before}::timestamptz
          AND (
            EXISTS (SELECT 1 FROM jsonb_array_elements(v.definition->'transitions') t
                    WHERE t->>'from' = o.state AND t->'trigger'->>'kind' = 'automatic')
            -- A final state that still holds stock or money was never settled (its run was
            -- lost, or something outside the engine — e.g. an intake cancellation — moved it).
            OR (EXISTS (SELECT 1 FROM jsonb_array_elements(v.definition->'states') st
                        WHERE st->>'id' = o.state AND st->>'kind' = 'terminal')
                AND (EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.reserved_quantity > 0)
                     OR (o.state <> ALL(${`{${[...SHIPPED_STATES].join(",")}}`}::text[])
                         AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status IN ('authorized', 'captured'))))))
        ORDER BY o.state_entered_at
        LIMIT ${limit}
        FOR UPDATE OF o SKIP LOCKED
      )
      SELECT * FROM candidates WHERE redrives < ${MAX_REDRIVES}`))];
    if (stuck.length > 0) {
      await tx.execute(sql`
        INSERT INTO audit_log (at, actor_type, actor_id, entity_type, entity_id, action, from_state, to_state, data)
        SELECT ${opts.now.toISOString()}::timestamptz, 'system', 'sweeper', 'order', s.id, 'workflow_redriven', s.state, s.state,
               jsonb_build_object('seq', s.seq, 'redrive', s.redrives + 1)
        FROM jsonb_to_recordset(${JSON.stringify(stuck)}::jsonb) AS s(id text, state text, seq int, redrives int)`);
    }
    const unstarted = [...(await tx.execute<{ id: string }>(sql`
      SELECT id FROM orders WHERE workflow_version_id IS NULL AND created_at < ${before}::timestamptz
      ORDER BY created_at LIMIT ${limit}`))];
    const events: RuntimeEvent[] = [
      ...stuck.map((s) => ({
        name: "order/state.entered", id: `order-${s.id}-${s.seq}-redrive-${s.redrives + 1}`,
        data: { orderId: s.id, state: s.state, versionId: s.version_id, seq: s.seq },
      })),
      // Same id as generation and intake use, so Inngest drops it if theirs is recent.
      ...unstarted.map((o) => ({ name: "order/created", id: `order-created-${o.id}`, data: { orderId: o.id } })),
    ];
    return { events, redriven: stuck.length, unstarted: unstarted.length };
  });
}
