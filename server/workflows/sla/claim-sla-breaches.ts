import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export type SlaBreach = { orderId: string; number: number; state: string; label: string; enteredAt: string; expectedWithinSeconds: number };

/**
 * Claims the orders that have been in a state longer than its `expectedWithinSeconds` (per
 * their pinned version), once per order: the claim is a row keyed by order id, inserted with
 * ON CONFLICT DO NOTHING, plus a `sla_breached` audit row, in one transaction. Also returns
 * claims whose alert was never recorded as sent (a crash between claim and send) — so the
 * alert goes out at least once; the in-app half is idempotent, email at worst repeats once.
 */
export async function claimSlaBreaches(db: Database, opts: { now: Date; limit?: number }): Promise<SlaBreach[]> {
  const now = opts.now.toISOString();
  const limit = opts.limit ?? 200;
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<{ order_id: string }>(sql`
      WITH defs AS (
        SELECT v.id AS version_id, s->>'id' AS state, (s->>'expectedWithinSeconds')::int AS sla_s
        FROM workflow_versions v, jsonb_array_elements(v.definition->'states') s
        WHERE s ? 'expectedWithinSeconds' AND s->>'kind' <> 'terminal'
      ), due AS (
        SELECT o.id, o.state, o.transition_seq FROM defs d
        JOIN orders o ON o.workflow_version_id = d.version_id AND o.state = d.state
          AND o.state_entered_at < ${now}::timestamptz - make_interval(secs => d.sla_s)
        WHERE NOT EXISTS (SELECT 1 FROM workflow_sla_alerts a WHERE a.order_id = o.id)
        ORDER BY o.state_entered_at LIMIT ${limit}
      ), ins AS (
        INSERT INTO workflow_sla_alerts (order_id, state_id, state_seq, claimed_at)
        SELECT id, state, transition_seq, ${now}::timestamptz FROM due ON CONFLICT DO NOTHING
        RETURNING order_id, state_id, state_seq
      ), audited AS (
        INSERT INTO audit_log (at, actor_type, actor_id, entity_type, entity_id, action, from_state, to_state, data)
        SELECT ${now}::timestamptz, 'system', 'sla', 'order', order_id::text, 'sla_breached', state_id, state_id, jsonb_build_object('seq', state_seq)
        FROM ins
      )
      SELECT order_id FROM ins`);
    const rows = await tx.execute<{
      order_id: string;
      number: number;
      state: string;
      entered_at: string;
      definition: { states: Array<{ id: string; label: string; expectedWithinSeconds?: number }> };
    }>(sql`
      SELECT a.order_id, o.number, a.state_id AS state, o.state_entered_at AS entered_at, v.definition
      FROM workflow_sla_alerts a JOIN orders o ON o.id = a.order_id JOIN workflow_versions v ON v.id = o.workflow_version_id
      WHERE a.sent_at IS NULL AND (a.order_id = ANY(${`{${claimed.map((c) => c.order_id).join(",")}}`}::uuid[]) OR a.claimed_at < ${now}::timestamptz - interval '5 minutes')
      ORDER BY a.claimed_at LIMIT ${limit}`);
    return rows.map((r) => {
      const s = r.definition.states.find((x) => x.id === r.state);
      return {
        orderId: r.order_id,
        number: r.number,
        state: r.state,
        label: s?.label ?? r.state,
        enteredAt: new Date(r.entered_at).toISOString(),
        expectedWithinSeconds: s?.expectedWithinSeconds ?? 0,
      };
    });
  });
}
