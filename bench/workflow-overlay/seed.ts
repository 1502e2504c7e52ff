import type postgres from "postgres";

/**
 * `n` orders of the default workflow's version spread over the last 365 days, with the
 * transition audit rows their paths imply, and action tries for the last 30 days: per 100
 * orders, 90 shipped, 5 ready to ship, 3 processing, 1 in manual review, 1 payment failed.
 * Set-based; times are offsets from `now`, so the overlay's windows hit known rows.
 */
export async function seedOverlayOrders(sql: postgres.Sql, n: number, versionId: number, now: Date): Promise<void> {
  await sql`INSERT INTO customers (email, name) SELECT 'ov-bench-' || g || '@example.test', 'Customer ' || g FROM generate_series(1, GREATEST(1, ${n} / 1000)) g`;
  await sql`CREATE TEMP TABLE paths (k int, step int, from_state text, to_state text, after_s int)`;
  // k = g % 100 bucket; after_s = seconds after creation the step committed.
  await sql`
    INSERT INTO paths VALUES
      (0, 1, 'created', 'validation', 1), (0, 2, 'validation', 'processing', 30), (0, 3, 'processing', 'ready_to_ship', 90), (0, 4, 'ready_to_ship', 'shipped', 7200),
      (1, 1, 'created', 'validation', 1), (1, 2, 'validation', 'processing', 30), (1, 3, 'processing', 'ready_to_ship', 90),
      (2, 1, 'created', 'validation', 1), (2, 2, 'validation', 'processing', 30),
      (3, 1, 'created', 'validation', 1), (3, 2, 'validation', 'manual_review', 20),
      (4, 1, 'created', 'validation', 1), (4, 2, 'validation', 'processing', 30), (4, 3, 'processing', 'payment_failed', 120)`;
  await sql`
    CREATE TEMP TABLE seeded AS
    SELECT g, CASE WHEN g % 100 < 90 THEN 0 WHEN g % 100 < 95 THEN 1 WHEN g % 100 < 98 THEN 2 WHEN g % 100 < 99 THEN 3 ELSE 4 END AS k,
      ${now.toISOString()}::timestamptz - make_interval(secs => (g::bigint * 31536000 / ${n})::int) - interval '3 hours' AS created_at
    FROM generate_series(0, ${n - 1}) g`;
  await sql`
    WITH c AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS rn, count(*) OVER () AS total FROM customers),
    last AS (SELECT DISTINCT ON (k) k, to_state, after_s, step FROM paths ORDER BY k, step DESC)
    INSERT INTO orders (customer_id, kind, currency, subtotal_minor, total_minor, state, workflow_version_id, transition_seq, state_entered_at, created_at, external_id)
    SELECT c.id, 'one_off', 'USD', 2000, 2000, last.to_state, ${versionId}, last.step, s.created_at + make_interval(secs => last.after_s), s.created_at, 'ov-' || s.g
    FROM seeded s JOIN last ON last.k = s.k JOIN c ON c.rn = s.g % c.total`;
  await sql`
    INSERT INTO audit_log (at, actor_type, actor_id, entity_type, entity_id, action, from_state, to_state, data)
    SELECT o.created_at + make_interval(secs => p.after_s), 'system', 'workflow', 'order', o.id::text, 'transition', p.from_state, p.to_state,
      jsonb_build_object('via', 'transition', 'versionId', ${versionId}::int, 'fromSeq', p.step - 1, 'seq', p.step,
        'inStateMs', (p.after_s - COALESCE((SELECT q.after_s FROM paths q WHERE q.k = p.k AND q.step = p.step - 1), 0)) * 1000)
    FROM orders o JOIN seeded s ON 'ov-' || s.g = o.external_id JOIN paths p ON p.k = s.k`;
  await sql`
    INSERT INTO order_action_attempts (order_id, state_seq, state_id, action_id, action_type, attempt, status, error, at)
    SELECT o.id, 2, 'processing', 'a_authorize_payment', 'authorize_payment', a, CASE WHEN s.k = 4 OR a = 1 AND s.g % 7 = 0 THEN 'failed' ELSE 'succeeded' END,
      NULL, o.created_at + make_interval(secs => 30 + a)
    FROM orders o JOIN seeded s ON 'ov-' || s.g = o.external_id CROSS JOIN generate_series(1, 2) a
    WHERE o.created_at > ${now.toISOString()}::timestamptz - interval '30 days' AND (a = 1 OR s.k = 4 OR s.g % 7 = 0)`;
  // As autovacuum would have: the visibility map makes the overlay's counts index-only.
  await sql`VACUUM ANALYZE orders, audit_log, order_action_attempts`;
}
