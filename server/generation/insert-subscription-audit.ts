import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";

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
