import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";

export interface Advance {
  subscriptionId: string;
  /** The cursor the plan was made from; the UPDATE is guarded by it. */
  fromIndex: number;
  toIndex: number;
  nextRunAt: Date | null;
  /** "completed" when the end condition is reached: no next run. */
  status: "active" | "completed";
}

/**
 * Moves every handled subscription's cursor in ONE guarded UPDATE (status still active and
 * cursor unchanged since it was read). Generation holds the row locks, so the guard can only
 * fail if someone bypassed them; the count lets the caller assert that.
 * A handled cycle also ends a failure streak, so failure_count resets.
 */
export async function advanceSubscriptions(tx: Transaction, advances: readonly Advance[]): Promise<number> {
  if (advances.length === 0) return 0;
  const input = JSON.stringify(advances.map((a) => ({
    id: a.subscriptionId,
    from_index: a.fromIndex,
    to_index: a.toIndex,
    next_run_at: a.nextRunAt?.toISOString() ?? null,
    status: a.status,
  })));
  const rows = await tx.execute<{ n: number }>(sql`
    WITH moved AS (
      UPDATE subscriptions s
      SET next_cycle_index = v.to_index, next_run_at = v.next_run_at,
          status = v.status::subscription_status, failure_count = 0, updated_at = now()
      FROM jsonb_to_recordset(${input}::jsonb) AS v(id uuid, from_index int, to_index int, next_run_at timestamptz, status text)
      WHERE s.id = v.id AND s.status = 'active' AND s.next_cycle_index = v.from_index
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM moved`);
  return rows[0]?.n ?? 0;
}

export interface SubscriptionAuditRow {
  subscriptionId: string;
  action: string;
  fromState?: string;
  toState?: string;
  data: Record<string, unknown>;
}

/** Audit rows for subscription-level outcomes (skips, completion, failures) in one INSERT. */
export async function insertSubscriptionAudit(tx: Transaction, rows: readonly SubscriptionAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  const input = JSON.stringify(rows.map((r) => ({
    entity_id: r.subscriptionId, action: r.action, from_state: r.fromState ?? null, to_state: r.toState ?? null, data: r.data,
  })));
  await tx.execute(sql`
    INSERT INTO audit_log (actor_type, actor_id, entity_type, entity_id, action, from_state, to_state, data)
    SELECT 'system', 'generation', 'subscription', entity_id, action, from_state, to_state, data
    FROM jsonb_to_recordset(${input}::jsonb) AS t(entity_id text, action text, from_state text, to_state text, data jsonb)`);
}
