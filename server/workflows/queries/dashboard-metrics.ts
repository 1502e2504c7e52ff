import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export type HourCount = { hour: string; count: number; created: number };
export type TimeInState = { state: string; avgSeconds: number; p95Seconds: number; samples: number; bottleneck: boolean };
export type ActionStats = {
  attempts: number;
  retries: number;
  failures: number;
  finalFailures: number;
  retryRate: number;
  failureRate: number;
  byType: Array<{ actionType: string; attempts: number; retries: number; failures: number }>;
};

export async function ordersByState(db: DbOrTx): Promise<Array<{ state: string; count: number }>> {
  const rows = await db.execute<{ state: string; count: number }>(sql`
    SELECT state, count(*)::int AS count FROM orders WHERE workflow_version_id IS NOT NULL GROUP BY state ORDER BY count DESC, state`);
  return rows.map((r) => ({ state: r.state, count: r.count }));
}

/**
 * Throughput, last 24 hours by hour: `count` = orders that reached a terminal state of their
 * version (finished: shipped, rejected, cancelled…) in that hour; `created` = orders created.
 */
export async function throughputPerHour(db: DbOrTx, now: Date): Promise<HourCount[]> {
  const rows = await db.execute<{ hour: string; count: number; created: number }>(sql`
    WITH hours AS (
      SELECT generate_series(date_trunc('hour', ${now.toISOString()}::timestamptz) - interval '23 hours',
                             date_trunc('hour', ${now.toISOString()}::timestamptz), interval '1 hour') AS hour
    ), finished AS (
      SELECT date_trunc('hour', a.at) AS hour, count(*)::int AS n
      FROM audit_log a JOIN workflow_versions v ON v.id = (a.data->>'versionId')::int
      WHERE a.entity_type = 'order' AND a.action = 'transition' AND a.at >= ${now.toISOString()}::timestamptz - interval '24 hours'
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.definition->'states') s WHERE s->>'id' = a.to_state AND s->>'kind' = 'terminal')
      GROUP BY 1
    ), created AS (
      SELECT date_trunc('hour', created_at) AS hour, count(*)::int AS n FROM orders
      WHERE created_at >= ${now.toISOString()}::timestamptz - interval '24 hours' GROUP BY 1
    )
    SELECT h.hour, COALESCE(f.n, 0) AS count, COALESCE(c.n, 0) AS created
    FROM hours h LEFT JOIN finished f ON f.hour = h.hour LEFT JOIN created c ON c.hour = h.hour ORDER BY h.hour`);
  return rows.map((r) => ({ hour: new Date(r.hour).toISOString(), count: r.count, created: r.created }));
}

/**
 * Time spent per state, from the audit trail: each exit (transition row) minus the entry
 * before it (previous transition, or workflow_started), for exits in the last `days` days.
 * The bottleneck is the state with the highest p95.
 */
export async function timeInState(db: DbOrTx, now: Date, days = 7): Promise<TimeInState[]> {
  const rows = await db.execute<{ state: string; avg: number; p95: number; samples: number }>(sql`
    WITH trail AS (
      SELECT a.entity_id, a.action, a.from_state, a.at,
        lag(a.at) OVER (PARTITION BY a.entity_id ORDER BY a.at, a.id) AS entered
      FROM audit_log a
      WHERE a.entity_type = 'order' AND a.action IN ('workflow_started', 'transition')
        AND a.entity_id IN (SELECT entity_id FROM audit_log WHERE entity_type = 'order' AND action = 'transition'
                            AND at >= ${now.toISOString()}::timestamptz - make_interval(days => ${days}))
    )
    SELECT from_state AS state, avg(extract(epoch FROM at - entered))::float8 AS avg,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM at - entered))::float8 AS p95, count(*)::int AS samples
    FROM trail WHERE action = 'transition' AND entered IS NOT NULL AND at >= ${now.toISOString()}::timestamptz - make_interval(days => ${days})
    GROUP BY from_state ORDER BY p95 DESC, from_state`);
  const top = rows[0]?.state;
  return rows.map((r) => ({
    state: r.state,
    avgSeconds: round(r.avg),
    p95Seconds: round(r.p95),
    samples: r.samples,
    bottleneck: r.state === top && r.p95 > 0,
  }));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Action tries in the last `hours`: retries are tries after the first; failures are failed
 * tries; finalFailures are actions whose last try failed (the fallback was taken).
 */
export async function actionStats(db: DbOrTx, now: Date, hours = 24): Promise<ActionStats> {
  const since = sql`${now.toISOString()}::timestamptz - make_interval(hours => ${hours})`;
  const byType = await db.execute<{ action_type: string; attempts: number; retries: number; failures: number }>(sql`
    SELECT action_type, count(*)::int AS attempts, count(*) FILTER (WHERE attempt > 1)::int AS retries,
      count(*) FILTER (WHERE status = 'failed')::int AS failures
    FROM order_action_attempts WHERE at >= ${since} GROUP BY action_type ORDER BY action_type`);
  const [final] = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM (
      SELECT DISTINCT ON (order_id, state_seq, action_id) status FROM order_action_attempts
      WHERE at >= ${since} ORDER BY order_id, state_seq, action_id, attempt DESC) last
    WHERE status = 'failed'`);
  const sum = (k: "attempts" | "retries" | "failures") => byType.reduce((n, r) => n + r[k], 0);
  const attempts = sum("attempts");
  const rate = (n: number) => (attempts === 0 ? 0 : Math.round((n / attempts) * 10_000) / 10_000);
  return {
    attempts,
    retries: sum("retries"),
    failures: sum("failures"),
    finalFailures: final?.n ?? 0,
    retryRate: rate(sum("retries")),
    failureRate: rate(sum("failures")),
    byType: byType.map((r) => ({ actionType: r.action_type, attempts: r.attempts, retries: r.retries, failures: r.failures })),
  };
}
