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
export async function recordAttempt(
  db: DbOrTx,
  a: {
    orderId: string; seq: number; stateId: string; actionId: string; actionType: string;
    attempt: number; result: ActionResult; durationMs: number; at: Date;
  },
): Promise<void> {
  await db.execute(sql`
    WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO order_action_attempts (order_id, state_seq, state_id, action_id, action_type, attempt, status, error, duration_ms, at)
    SELECT ${a.orderId}::uuid, ${a.seq}, ${a.stateId}, ${a.actionId}, ${a.actionType}, ${a.attempt},
      ${a.result.ok ? "succeeded" : "failed"}, ${a.result.ok ? null : a.result.error}, ${Math.max(0, Math.round(a.durationMs))},
      ${a.at.toISOString()}::timestamptz
    FROM async_commit
    ON CONFLICT ON CONSTRAINT order_action_attempts_once DO NOTHING`);
}
