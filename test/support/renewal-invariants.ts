import type postgres from "postgres";

/** States an order of the default workflow rests in until the outside world acts. */
export const SETTLED_STATES = ["ready_to_ship", "backordered", "manual_review", "payment_failed", "shipped", "rejected", "cancelled"] as const;

export async function pipelineProgress(sql: postgres.Sql) {
  const rows = await sql<{ state: string; n: number }[]>`
    SELECT CASE WHEN workflow_version_id IS NULL THEN 'unpinned' ELSE state END AS state, count(*)::int AS n
    FROM orders WHERE kind = 'subscription' GROUP BY 1`;
  const byState = Object.fromEntries(rows.map((r) => [r.state, r.n]));
  const orders = rows.reduce((s, r) => s + r.n, 0);
  const settled = rows.filter((r) => (SETTLED_STATES as readonly string[]).includes(r.state)).reduce((s, r) => s + r.n, 0);
  return { orders, settled, byState };
}

/**
 * The renewal-day guarantees, checked in SQL after the wave: one order per due cycle (and per
 * subscription), every order settled, exactly one audit row per committed transition, and no
 * order with two approved authorizations that were not given back.
 */
export async function checkInvariants(sql: postgres.Sql, opts: { expectedOrders: number; startedAt: Date }) {
  const problems: string[] = [];
  const [counts] = await sql<{ orders: number; subs: number; cycles: number }[]>`
    SELECT count(*)::int AS orders, count(DISTINCT subscription_id)::int AS subs,
           count(DISTINCT (subscription_id, cycle_index))::int AS cycles
    FROM orders WHERE kind = 'subscription'`;
  if (counts?.orders !== opts.expectedOrders) problems.push(`${counts?.orders} orders for ${opts.expectedOrders} due cycles`);
  if (counts?.subs !== counts?.orders || counts?.cycles !== counts?.orders) problems.push(`duplicate orders: ${JSON.stringify(counts)}`);
  const progress = await pipelineProgress(sql);
  if (progress.settled !== opts.expectedOrders) problems.push(`unsettled: ${JSON.stringify(progress.byState)}`);
  const [audit] = await sql<{ bad: number }[]>`
    SELECT count(*)::int AS bad FROM orders o
    WHERE o.workflow_version_id IS NOT NULL AND o.transition_seq <> (
      SELECT count(*) FROM audit_log a WHERE a.entity_type = 'order' AND a.entity_id = o.id::text AND a.action = 'transition')`;
  if ((audit?.bad ?? 0) > 0) problems.push(`${audit?.bad} orders whose audit rows differ from their transitions`);
  const [pay] = await sql<{ doubled: number }[]>`
    SELECT count(*)::int AS doubled FROM (
      SELECT order_id FROM test_gateway_operations
      GROUP BY order_id
      HAVING count(*) FILTER (WHERE kind = 'authorize' AND outcome = 'approved') - count(*) FILTER (WHERE kind = 'void' AND outcome = 'approved') > 1
    ) d`;
  if ((pay?.doubled ?? 0) > 0) problems.push(`${pay?.doubled} orders authorized twice`);
  const [lat] = await sql<{ p50: number; p95: number; n: number }[]>`
    SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), 0)::float AS p50,
           coalesce(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms), 0)::float AS p95, count(*)::int AS n
    FROM (SELECT extract(epoch FROM (state_entered_at - ${opts.startedAt.toISOString()}::timestamptz)) * 1000 AS ms
          FROM orders WHERE kind = 'subscription' AND state = 'ready_to_ship') t`;
  return { problems, latencyMs: { p50: lat?.p50 ?? 0, p95: lat?.p95 ?? 0 }, readyToShip: lat?.n ?? 0 };
}

/**
 * SQL statements executed in this database, from pg_stat_statements when the server loads it
 * (the embedded bench server does), else transactions committed (pg_stat_database) — close,
 * since nearly every statement commits on its own.
 */
export async function statementCounter(sql: postgres.Sql) {
  let mode: "statements" | "transactions" = "transactions";
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`;
    await sql`SELECT count(*) FROM pg_stat_statements LIMIT 1`;
    mode = "statements";
  } catch {
    /* not preloaded on this server */
  }
  let base = 0;
  const read = async () => {
    if (mode === "statements") {
      const [r] = await sql<{ n: string }[]>`
        SELECT coalesce(sum(calls), 0)::bigint AS n FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = current_database()`;
      return Number(r?.n ?? 0);
    }
    const [r] = await sql<
      { n: string }[]
    >`SELECT (xact_commit + xact_rollback)::bigint AS n FROM pg_stat_database WHERE datname = current_database()`;
    return Number(r?.n ?? 0);
  };
  return {
    reset: async () => {
      base = await read();
    },
    count: async () => {
      const n = (await read()) - base;
      return {
        label: mode === "statements" ? "pg_stat_statements, monitor queries included" : "transactions committed, pg_stat_statements unavailable",
        per: (orders: number) => (n / orders).toFixed(1),
      };
    },
  };
}
