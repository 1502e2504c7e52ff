import "server-only";
import type { DbOrTx } from "@/db/client";
import { orderActionAttempts } from "@/db/schema";
import type { ActionResult } from "./action-result";

/**
 * Records one try. ON CONFLICT DO NOTHING on (order, visit, action, attempt): a step replayed
 * after a crash, or a duplicate delivery running the same visit, counts once.
 */
export async function recordAttempt(
  db: DbOrTx,
  a: {
    orderId: string; seq: number; stateId: string; actionId: string; actionType: string;
    attempt: number; result: ActionResult; durationMs: number; at: Date;
  },
): Promise<void> {
  await db
    .insert(orderActionAttempts)
    .values({
      orderId: a.orderId, stateSeq: a.seq, stateId: a.stateId, actionId: a.actionId, actionType: a.actionType,
      attempt: a.attempt, status: a.result.ok ? "succeeded" : "failed", error: a.result.ok ? null : a.result.error,
      durationMs: Math.max(0, Math.round(a.durationMs)), at: a.at,
    })
    .onConflictDoNothing();
}
