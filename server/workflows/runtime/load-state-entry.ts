import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orders } from "@/db/schema";

/** One visit of a state by an order: what a run works on. JSON-safe (memoised by Inngest). */
export type StateEntry = { orderId: string; state: string; seq: number; versionId: number; enteredAt: string };

/**
 * The visit an order/state.entered event refers to, or null when the event is stale: the
 * order has moved on (other state or higher transition_seq) or was never pinned.
 */
export async function loadStateEntry(db: DbOrTx, input: { orderId: string; state: string; seq?: number }): Promise<StateEntry | null> {
  const [row] = await db
    .select({ state: orders.state, seq: orders.transitionSeq, versionId: orders.workflowVersionId, enteredAt: orders.stateEnteredAt })
    .from(orders)
    .where(eq(orders.id, input.orderId));
  if (!row || row.versionId === null || row.state !== input.state) return null;
  if (input.seq !== undefined && input.seq !== row.seq) return null;
  return { orderId: input.orderId, state: row.state, seq: row.seq, versionId: row.versionId, enteredAt: row.enteredAt.toISOString() };
}

/** loadStateEntry for many visits in one query; stale ones are left out. */
export async function loadStateEntries(db: DbOrTx, inputs: ReadonlyArray<{ orderId: string; state: string; seq?: number }>): Promise<StateEntry[]> {
  if (inputs.length === 0) return [];
  const rows = await db
    .select({ id: orders.id, state: orders.state, seq: orders.transitionSeq, versionId: orders.workflowVersionId, enteredAt: orders.stateEnteredAt })
    .from(orders)
    // = ANY(array): one statement text whatever the batch size (IN (…) re-prepares per size).
    .where(sql`${orders.id} = ANY(${`{${[...new Set(inputs.map((i) => i.orderId))].join(",")}}`}::uuid[])`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const entries = new Map<string, StateEntry>();
  for (const input of inputs) {
    const row = byId.get(input.orderId);
    if (!row || row.versionId === null || row.state !== input.state) continue;
    if (input.seq !== undefined && input.seq !== row.seq) continue;
    // Two events for the same visit (a duplicate, a redrive) drive it once.
    entries.set(input.orderId, {
      orderId: input.orderId,
      state: row.state,
      seq: row.seq,
      versionId: row.versionId,
      enteredAt: row.enteredAt.toISOString(),
    });
  }
  return [...entries.values()];
}
