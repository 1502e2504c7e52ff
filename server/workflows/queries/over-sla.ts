import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export type OverSla = { count: number; byState: Array<{ workflowId: number; workflow: string; state: string; count: number }> };

/**
 * Orders in a state longer than that state's `expectedWithinSeconds` (as their pinned version
 * defines it), for the dashboard. Same rule as the overlay's `overdue` and the SLA alerts.
 */
export async function overSla(db: DbOrTx, now: Date): Promise<OverSla> {
  const rows = await db.execute<{ workflow_id: number; workflow: string; state: string; count: number }>(sql`
    WITH slas AS (
      SELECT v.id AS version_id, v.workflow_id, s->>'id' AS state, (s->>'expectedWithinSeconds')::int AS sla_s
      FROM workflow_versions v, jsonb_array_elements(v.definition->'states') s
      WHERE s ? 'expectedWithinSeconds' AND s->>'kind' <> 'terminal'
    )
    SELECT w.id AS workflow_id, w.name AS workflow, x.state, count(*)::int AS count
    FROM slas x
    JOIN orders o ON o.workflow_version_id = x.version_id AND o.state = x.state
      AND o.state_entered_at < ${now.toISOString()}::timestamptz - make_interval(secs => x.sla_s)
    JOIN workflows w ON w.id = x.workflow_id
    GROUP BY 1, 2, 3
    ORDER BY count(*) DESC, 2, 3`);
  const byState = rows.map((r) => ({ workflowId: r.workflow_id, workflow: r.workflow, state: r.state, count: r.count }));
  return { count: byState.reduce((n, r) => n + r.count, 0), byState };
}
