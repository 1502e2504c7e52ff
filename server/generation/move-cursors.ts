import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { pgArray } from "@/server/orders/pg-array";

export interface CursorMove {
  subscriptionId: string;
  /** The cursor the plan was made from; the UPDATE is guarded by it. */
  fromIndex: number;
  toIndex: number;
  nextRunAt: Date | null;
  /** "completed" when the end condition is reached: no next run. */
  status: "active" | "completed";
}

/**
 * Moves the cursors of a batch in one guarded UPDATE (status = 'active' AND next_cycle_index =
 * fromIndex): next_cycle_index, next_run_at, status, failure_count = 0. Returns how many
 * moved; the caller holds the rows locked, so anything short of the batch is a bug.
 */
export async function moveCursors(tx: Transaction, moves: readonly CursorMove[], now: Date): Promise<number> {
  if (moves.length === 0) return 0;
  const col = <T extends string | number | null>(pick: (m: CursorMove) => T) => pgArray(moves.map(pick));
  const [row] = await tx.execute<{ moved: number }>(sql`
    WITH moved AS (
      UPDATE subscriptions s
      SET next_cycle_index = i.to_index, next_run_at = i.next_run_at, status = i.status, failure_count = 0,
          updated_at = ${now.toISOString()}::timestamptz
      FROM unnest(
        ${col((m) => m.subscriptionId)}::uuid[], ${col((m) => m.fromIndex)}::int[], ${col((m) => m.toIndex)}::int[],
        ${col((m) => m.nextRunAt?.toISOString() ?? null)}::timestamptz[], ${col((m) => m.status)}::subscription_status[]
      ) AS i(subscription_id, from_index, to_index, next_run_at, status)
      WHERE s.id = i.subscription_id AND s.status = 'active' AND s.next_cycle_index = i.from_index
      RETURNING 1
    )
    SELECT count(*)::int AS moved FROM moved`);
  return row?.moved ?? 0;
}
