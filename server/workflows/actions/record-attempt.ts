import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orderActionAttempts } from "@/db/schema";
import type { ActionResult } from "./action-result";

/**
 * Records one try. ON CONFLICT DO NOTHING on (order, visit, action, attempt): a step replayed
 * after a crash, or a duplicate delivery running the same visit, counts once.
 * Committed with synchronous_commit off: these rows are statistics (the outcome itself is
 * memoised by the engine and acted on by the guarded commit), so not waiting for the WAL
 * flush is worth it — a database crash could lose the last few milliseconds of them, nothing else.
 */
export async function recordAttempt(
  db: Database,
  a: {
    orderId: string; seq: number; stateId: string; actionId: string; actionType: string;
    attempt: number; result: ActionResult; durationMs: number; at: Date;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL synchronous_commit TO OFF`);
    await tx
      .insert(orderActionAttempts)
      .values({
        orderId: a.orderId, stateSeq: a.seq, stateId: a.stateId, actionId: a.actionId, actionType: a.actionType,
        attempt: a.attempt, status: a.result.ok ? "succeeded" : "failed", error: a.result.ok ? null : a.result.error,
        durationMs: Math.max(0, Math.round(a.durationMs)), at: a.at,
      })
      .onConflictDoNothing();
  });
}
