import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { pgArray } from "@/server/lib/pg-array";

export type OverlayState = {
  state: string;
  /** Orders in the state now (every selected version); null for a final state (see below). */
  now: number | null;
  /** Of those, in it longer than the state's expectedWithinSeconds (0 without an SLA). */
  overdue: number;
  /** Orders that entered the state in the window (for a final state, its figure instead of `now`). */
  arrived: number;
  /** Visits that ended in the window: how long orders stayed, median and p95 (ms). */
  visits: number;
  medianMs: number | null;
  p95Ms: number | null;
  /** Action tries in the window: failed ones, and retries (attempt > 1). */
  failures: number;
  retries: number;
};
export type OverlayEdge = { from: string; to: string; count: number };
export type WorkflowOverlay = { versionIds: number[]; from: string; to: string; states: OverlayState[]; edges: OverlayEdge[] };

/**
 * The designer's Live overlay for one workflow (all its versions, or one): three statements.
 *  1. now/overdue: per (version, non-final state) of the definitions, an index-only count on
 *     orders (workflow_version_id, state, state_entered_at) — the SLA cut is a range on that index.
 *     Final states are not counted "now": their population only grows (900k of 1M orders in the
 *     bench) and counting it costs most of the budget, so they show `arrived` in the window;
 *  2. time in state + edge counts: the order `transition` audit rows of the window (partial
 *     index on at); each row carries its visit's length (`inStateMs`, written by
 *     commitTransitions from the state_entered_at it replaced), so no row needs its
 *     predecessor (a LAG over the window plus a probe per order cost 1.1 s at p95 for 7 days of
 *     1M orders). Rows written before inStateMs existed count as visits, not in the percentiles;
 *  3. failures/retries: order_action_attempts of the window, joined to the order for its version.
 */
export async function workflowOverlay(
  db: DbOrTx,
  q: { workflowId: number; versionId?: number; from: Date; to: Date; now: Date },
): Promise<WorkflowOverlay> {
  const versions = await db.execute<{ id: number }>(sql`
    SELECT id FROM workflow_versions WHERE workflow_id = ${q.workflowId} ${q.versionId === undefined ? sql`` : sql`AND id = ${q.versionId}`}`);
  const versionIds = versions.map((v) => v.id);
  const ids = pgArray(versionIds.map(String));
  const [counts, visits, attempts] = await Promise.all([
    db.execute<{ state: string; now: number; overdue: number }>(sql`
      WITH defs AS (
        SELECT v.id AS version_id, s->>'id' AS state, (s->>'expectedWithinSeconds')::int AS sla_s
        FROM workflow_versions v, jsonb_array_elements(v.definition->'states') s
        WHERE v.id = ANY(${ids}::int[]) AND s->>'kind' <> 'terminal'
      )
      SELECT d.state,
        sum((SELECT count(*) FROM orders o WHERE o.workflow_version_id = d.version_id AND o.state = d.state))::int AS now,
        sum(CASE WHEN d.sla_s IS NULL THEN 0 ELSE (SELECT count(*) FROM orders o WHERE o.workflow_version_id = d.version_id AND o.state = d.state
              AND o.state_entered_at < ${q.now.toISOString()}::timestamptz - make_interval(secs => d.sla_s)) END)::int AS overdue
      FROM defs d GROUP BY d.state`),
    db.execute<{ from_state: string; to_state: string; visits: number; median_ms: number | null; p95_ms: number | null }>(sql`
      SELECT a.from_state, a.to_state, count(*)::int AS visits,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY (a.data->>'inStateMs')::float8) AS median_ms,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY (a.data->>'inStateMs')::float8) AS p95_ms
      FROM audit_log a
      WHERE a.entity_type = 'order' AND a.action = 'transition'
        AND a.at >= ${q.from.toISOString()}::timestamptz AND a.at < ${q.to.toISOString()}::timestamptz
        AND (a.data->>'versionId')::int = ANY(${ids}::int[])
      GROUP BY GROUPING SETS ((a.from_state, a.to_state), (a.from_state))`),
    db.execute<{ state: string; failures: number; retries: number }>(sql`
      SELECT x.state_id AS state, count(*) FILTER (WHERE x.status = 'failed')::int AS failures, count(*) FILTER (WHERE x.attempt > 1)::int AS retries
      FROM order_action_attempts x JOIN orders o ON o.id = x.order_id
      WHERE x.at >= ${q.from.toISOString()}::timestamptz AND x.at < ${q.to.toISOString()}::timestamptz
        AND o.workflow_version_id = ANY(${ids}::int[])
      GROUP BY x.state_id`),
  ]);
  const byState = new Map<string, OverlayState>();
  const stateOf = (state: string) => {
    let s = byState.get(state);
    if (!s) byState.set(state, (s = { state, now: null, overdue: 0, arrived: 0, visits: 0, medianMs: null, p95Ms: null, failures: 0, retries: 0 }));
    return s;
  };
  for (const c of counts) Object.assign(stateOf(c.state), { now: c.now, overdue: c.overdue });
  const edges: OverlayEdge[] = [];
  for (const v of visits) {
    // The (from_state) grouping set has to_state NULL: the state's own figures.
    if (v.to_state === null) {
      Object.assign(stateOf(v.from_state), { visits: v.visits, medianMs: round(v.median_ms), p95Ms: round(v.p95_ms) });
    } else {
      edges.push({ from: v.from_state, to: v.to_state, count: v.visits });
      stateOf(v.to_state).arrived += v.visits;
    }
  }
  for (const a of attempts) Object.assign(stateOf(a.state), { failures: a.failures, retries: a.retries });
  edges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { versionIds, from: q.from.toISOString(), to: q.to.toISOString(), states: [...byState.values()], edges };
}

const round = (ms: number | null) => (ms === null ? null : Math.round(Number(ms)));
