import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { ActionResult } from "./action-result";

/**
 * Records one try. ON CONFLICT DO NOTHING on (order, visit, action, attempt): a step replayed
 * after a crash, or a duplicate delivery running the same visit, counts once.
 *
 * One statement, committed with synchronous_commit off (set_config(…, true) is local to the
 * statement's own transaction): these rows are statistics — the outcome itself is memoised by
 * the engine and acted on by the guarded, synchronously committed transition — so not waiting
 * for the WAL flush is worth it. A database crash could lose the last few ms of them, nothing else.
 */
export type AttemptRow = {
  orderId: string;
  seq: number;
  stateId: string;
  actionId: string;
  actionType: string;
  attempt: number;
  result: ActionResult;
  durationMs: number;
  at: Date;
};

export async function recordAttempt(db: DbOrTx, a: AttemptRow): Promise<void> {
  await recordAttempts(db, [a]);
}

/** recordAttempt for many tries in one statement (the batch driver's). */
export async function recordAttempts(db: DbOrTx, rows: readonly AttemptRow[]): Promise<void> {
  if (rows.length === 0) return;
  const input = rows.map((a) => ({
    order_id: a.orderId,
    state_seq: a.seq,
    state_id: a.stateId,
    action_id: a.actionId,
    action_type: a.actionType,
    attempt: a.attempt,
    status: a.result.ok ? "succeeded" : "failed",
    error: a.result.ok ? null : a.result.error,
    duration_ms: Math.max(0, Math.round(a.durationMs)),
    at: a.at.toISOString(),
  }));
  await db.execute(sql`
    WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO order_action_attempts (order_id, state_seq, state_id, action_id, action_type, attempt, status, error, duration_ms, at)
    SELECT r.order_id, r.state_seq, r.state_id, r.action_id, r.action_type, r.attempt, r.status, r.error, r.duration_ms, r.at
    FROM async_commit, jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS r(order_id uuid, state_seq int, state_id text,
      action_id text, action_type text, attempt int, status text, error text, duration_ms int, at timestamptz)
    ON CONFLICT ON CONSTRAINT order_action_attempts_once DO NOTHING`);
}
