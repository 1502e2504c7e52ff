import "server-only";
import { sql } from "drizzle-orm";
import { orderAuditRows } from "@/server/orders/order-audit-rows";
import type { Database } from "@/db/client";
import { NEW_ORDER_STATE } from "@/server/orders/order-states";
import type { RuntimeEvent } from "./runtime-steps";
import { SHIPPED_STATES } from "./settle-terminal-order";

/** Re-drives per state visit before the sweeper gives up on it (it then needs a human). */
export const MAX_REDRIVES = 5;
/** Final orders are checked for leftover stock or money this long after reaching their state. */
export const SETTLE_WINDOW_DAYS = 7;

type StuckRow = { id: string; state: string; version_id: number; seq: number; redrives: number };

/**
 * Finds orders idle longer than `olderThanMinutes` in a state that should move by itself — a
 * state with an automatic exit in the order's pinned version (states waiting for an event, a
 * decision or a timeout are not stuck, unless the timeout is overdue) — or in a final state that was never settled (still
 * holds reserved stock or an open payment, within SETTLE_WINDOW_DAYS), records a `workflow_redriven` audit row for each and
 * returns their state-entered events, with fresh ids (the original id is deduplicated).
 * Re-running a visit is harmless: actions are idempotent and the commit is guarded on
 * transition_seq. Also THE sweeper for lost announcements (server/orders/announce-orders.ts):
 * re-announces every order never pinned to a workflow, whoever created it.
 */
export async function redriveStuckOrders(
  db: Database,
  opts: { now: Date; olderThanMinutes: number; limit?: number },
): Promise<{ events: RuntimeEvent[]; redriven: number; unstarted: number }> {
  const before = new Date(opts.now.getTime() - opts.olderThanMinutes * 60_000).toISOString();
  const limit = opts.limit ?? 500;
  return db.transaction(async (tx) => {
    const settleSince = new Date(opts.now.getTime() - SETTLE_WINDOW_DAYS * 86_400_000).toISOString();
    const redrives = sql`(SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'order' AND a.entity_id = o.id::text
      AND a.action = 'workflow_redriven' AND (a.data->>'seq')::int = o.transition_seq)`;
    // States are read from the (few) definitions first, so orders are reached through the
    // (state, state_entered_at) index instead of scanning every historical order.
    const stuck = [
      ...(await tx.execute<StuckRow>(sql`
      WITH defs AS (
        SELECT v.id AS version_id, s->>'id' AS state, s->>'kind' AS kind, (s->'timeout'->>'afterSeconds')::int AS timeout_s,
          EXISTS (SELECT 1 FROM jsonb_array_elements(v.definition->'transitions') t
                  WHERE t->>'from' = s->>'id' AND t->'trigger'->>'kind' = 'automatic') AS automatic
        FROM workflow_versions v, jsonb_array_elements(v.definition->'states') s
      )
      SELECT o.id, o.state, o.workflow_version_id AS version_id, o.transition_seq AS seq, ${redrives} AS redrives
      FROM defs d JOIN orders o ON o.state = d.state AND o.workflow_version_id = d.version_id
      WHERE o.state_entered_at < ${before}::timestamptz
        AND (d.automatic
          -- A waiting state whose timeout is overdue: the run that should have fired it is gone
          -- (a restarted dev executor keeps no timers); a new run expires it at once.
          OR (d.timeout_s IS NOT NULL AND o.state_entered_at + make_interval(secs => d.timeout_s) < ${before}::timestamptz)
          -- A final state that still holds stock or money was never settled (its run was
          -- lost, or something outside the engine — e.g. an intake cancellation — moved it).
          OR (d.kind = 'terminal' AND o.state_entered_at >= ${settleSince}::timestamptz
              AND (EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.reserved_quantity > 0)
                   OR (o.state <> ALL(${`{${[...SHIPPED_STATES].join(",")}}`}::text[])
                       AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status IN ('authorized', 'captured'))))))
        AND ${redrives} < ${MAX_REDRIVES}
      ORDER BY o.state_entered_at
      LIMIT ${limit}
      FOR UPDATE OF o SKIP LOCKED`)),
    ];
    if (stuck.length > 0) {
      await tx.execute(
        orderAuditRows(
          {
            at: sql`${opts.now.toISOString()}::timestamptz`,
            actorType: sql`'system'`,
            actorId: sql`'sweeper'`,
            entityId: sql`s.id`,
            action: sql`'workflow_redriven'`,
            fromState: sql`s.state`,
            toState: sql`s.state`,
            data: sql`jsonb_build_object('seq', s.seq, 'redrive', s.redrives + 1)`,
          },
          sql`jsonb_to_recordset(${JSON.stringify(stuck)}::jsonb) AS s(id text, state text, seq int, redrives int)`,
        ),
      );
    }
    const unstarted = [
      ...(await tx.execute<{ id: string }>(sql`
      SELECT id FROM orders WHERE workflow_version_id IS NULL AND state = ${NEW_ORDER_STATE} AND created_at < ${before}::timestamptz
      ORDER BY created_at LIMIT ${limit}`)),
    ];
    const events: RuntimeEvent[] = [
      ...stuck.map((s) => ({
        name: "order/state.entered",
        id: `order-${s.id}-${s.seq}-redrive-${s.redrives + 1}`,
        data: { orderId: s.id, state: s.state, versionId: s.version_id, seq: s.seq },
      })),
      // Same id as generation and intake use, so Inngest drops it if theirs is recent.
      ...unstarted.map((o) => ({ name: "order/created", id: `order-created-${o.id}`, data: { orderId: o.id } })),
    ];
    return { events, redriven: stuck.length, unstarted: unstarted.length };
  });
}
