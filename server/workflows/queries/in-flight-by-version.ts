import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export type VersionInFlight = { workflowId: number; workflow: string; versionId: number; version: number; count: number };

/**
 * Orders not yet in a terminal state, per published version (terminal as defined by that
 * version — a later version may name its states differently). Versions with none are listed
 * with 0, so the designer can show every version.
 */
export async function inFlightByVersion(db: DbOrTx, workflowId?: number): Promise<VersionInFlight[]> {
  const rows = await db.execute<{ workflow_id: number; workflow: string; version_id: number; version: number; count: number }>(sql`
    WITH open_states AS (
      SELECT v.id AS version_id, s->>'id' AS state
      FROM workflow_versions v, jsonb_array_elements(v.definition->'states') s
      WHERE s->>'kind' <> 'terminal'
    ), counts AS (
      SELECT os.version_id, count(*)::int AS n
      FROM open_states os JOIN orders o ON o.state = os.state AND o.workflow_version_id = os.version_id
      GROUP BY 1
    )
    SELECT w.id AS workflow_id, w.name AS workflow, v.id AS version_id, v.version, COALESCE(c.n, 0) AS count
    FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id LEFT JOIN counts c ON c.version_id = v.id
    ${workflowId === undefined ? sql`` : sql`WHERE w.id = ${workflowId}`}
    ORDER BY w.name, v.version`);
  return rows.map((r) => ({ workflowId: r.workflow_id, workflow: r.workflow, versionId: r.version_id, version: r.version, count: r.count }));
}
