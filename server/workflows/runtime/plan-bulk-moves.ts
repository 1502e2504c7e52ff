import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { CANCELLED_STATE } from "@/server/orders/order-states";
import type { BulkAction } from "../admin/operate.schema";
import { loadVersion } from "../store/load-definition";

export type BulkRow = { id: string; state: string; seq: number; version_id: number };
/** A move back into (or through) a state, committed by the batch with the runtime's guarded commit. */
export type BulkMove = { row: BulkRow; to: string; edgeId: string; extra: Record<string, unknown> };

/**
 * What one bulk action does to each order, or nothing (skipped):
 *  - cancel: any non-final order → `cancelled` (if its version has that state);
 *  - manual_review: any non-final order not already there → its version's manual-review state;
 *  - retry (redrive): re-enter the state whose action failed, not the workflow's start —
 *    an order stuck after an unhandled failure re-enters its own state (a new visit, so the
 *    failed action runs with fresh attempts and idempotency keys); an order a failure sent
 *    elsewhere (an on_failure transition, e.g. to payment_failed) goes back to the state
 *    whose action failed. Orders with neither are skipped.
 */
export async function planBulkMoves(db: DbOrTx, action: BulkAction, rows: readonly BulkRow[]): Promise<BulkMove[]> {
  const moves: BulkMove[] = [];
  const failures = action === "retry" ? await lastFailures(db, rows) : new Map<string, Failure>();
  for (const row of rows) {
    const { definition } = await loadVersion(db, row.version_id);
    const state = definition.states.find((s) => s.id === row.state);
    if (!state || state.kind === "terminal") continue;
    if (action === "cancel") {
      if (definition.states.some((s) => s.id === CANCELLED_STATE))
        moves.push({ row, to: CANCELLED_STATE, edgeId: `${row.state}:bulk_cancel`, extra: {} });
    } else if (action === "manual_review") {
      const review = definition.states.find((s) => s.manualReview);
      if (review && review.id !== row.state) moves.push({ row, to: review.id, edgeId: `${row.state}:bulk_manual_review`, extra: {} });
    } else {
      const f = failures.get(row.id);
      if (!f) continue;
      const to = f.kind === "stuck" ? row.state : f.fromState;
      if (definition.states.some((s) => s.id === to))
        moves.push({ row, to, edgeId: `${to}:redrive`, extra: { redrive: { actionId: f.actionId, error: f.error } } });
    }
  }
  return moves;
}

type Failure = { kind: "stuck" | "on_failure"; fromState: string; actionId: string | null; error: string | null };

/**
 * Per order, the failure a redrive starts from: an unhandled `action_failed` audit row of its
 * current visit (stuck), else the transition that brought it here if it was an on_failure one.
 */
async function lastFailures(db: DbOrTx, rows: readonly BulkRow[]): Promise<Map<string, Failure>> {
  if (rows.length === 0) return new Map();
  const input = JSON.stringify(rows.map((r) => ({ id: r.id, seq: r.seq })));
  const found = await db.execute<{
    id: string;
    kind: "stuck" | "on_failure";
    from_state: string;
    action_id: string | null;
    error: string | null;
  }>(sql`
    SELECT r.id::text, f.kind, f.from_state, f.action_id, f.error
    FROM jsonb_to_recordset(${input}::jsonb) AS r(id text, seq int)
    CROSS JOIN LATERAL (
      SELECT CASE WHEN a.action = 'action_failed' THEN 'stuck' ELSE 'on_failure' END AS kind, a.from_state,
        COALESCE(a.data->>'actionId', a.data->'failed'->>'actionId') AS action_id, COALESCE(a.data->>'error', a.data->'failed'->>'error') AS error
      FROM audit_log a
      WHERE a.entity_type = 'order' AND a.entity_id = r.id
        AND ((a.action = 'action_failed' AND (a.data->>'handled')::boolean IS FALSE AND (a.data->>'seq')::int = r.seq)
          OR (a.action = 'transition' AND a.data->>'via' = 'on_failure' AND (a.data->>'seq')::int = r.seq))
      ORDER BY a.at DESC, a.id DESC LIMIT 1
    ) f`);
  return new Map(found.map((f) => [f.id, { kind: f.kind, fromState: f.from_state, actionId: f.action_id, error: f.error }]));
}
