import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { stateEnteredEvent } from "./commit-transition";
import type { BulkRow } from "./plan-bulk-moves";
import type { RuntimeEvent } from "./runtime-steps";

/** Frozen when the migration starts: the full from-state → to-state mapping (unmapped states absent). */
export type MigrationParams = { fromVersionId: number; toVersionId: number; mapping: Record<string, string> };

/**
 * Re-pins orders of a batch to the target version in one statement: each UPDATE is guarded on
 * the version, state and transition_seq the batch read (so an order that moved meanwhile is
 * left alone), bumps transition_seq (a run still waiting on the old version can no longer
 * commit) and writes a `workflow_migrated` audit row. A same-named state keeps its entry time
 * (timeouts and SLAs keep counting); a renamed one starts now. Orders in unmapped states stay
 * pinned to their version. Returns the state-entered events that start the new version's run.
 */
export async function migrateOrders(
  tx: Transaction,
  rows: readonly BulkRow[],
  p: MigrationParams,
  ctx: { operationId: string; actor: { type: "user"; id: string }; now: Date },
): Promise<RuntimeEvent[]> {
  const input = rows.flatMap((r) => {
    const to = p.mapping[r.state];
    return to === undefined ? [] : [{ id: r.id, from_state: r.state, to_state: to, seq: r.seq }];
  });
  if (input.length === 0) return [];
  const moved = await tx.execute<{ id: string; state: string; seq: number }>(sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS i(id uuid, from_state text, to_state text, seq int)
    ), moved AS (
      UPDATE orders o SET workflow_version_id = ${p.toVersionId}, state = i.to_state, transition_seq = o.transition_seq + 1,
        state_entered_at = CASE WHEN i.to_state = i.from_state THEN o.state_entered_at ELSE ${ctx.now.toISOString()}::timestamptz END
      FROM input i
      WHERE o.id = i.id AND o.workflow_version_id = ${p.fromVersionId} AND o.state = i.from_state AND o.transition_seq = i.seq
      RETURNING o.id, o.state, o.transition_seq
    ), audited AS (
      INSERT INTO audit_log (at, actor_type, actor_id, entity_type, entity_id, action, from_state, to_state, data)
      SELECT ${ctx.now.toISOString()}::timestamptz, ${ctx.actor.type}, ${ctx.actor.id}, 'order', m.id::text, 'workflow_migrated', i.from_state, i.to_state,
        jsonb_build_object('fromVersionId', ${p.fromVersionId}::int, 'toVersionId', ${p.toVersionId}::int, 'versionId', ${p.toVersionId}::int,
          'fromSeq', i.seq, 'seq', m.transition_seq, 'operationId', ${ctx.operationId}::text)
      FROM moved m JOIN input i ON i.id = m.id
    )
    SELECT id::text, state, transition_seq AS seq FROM moved`);
  return moved.map((m) => stateEnteredEvent(m.id, m.state, p.toVersionId, m.seq));
}
