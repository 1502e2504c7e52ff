import type postgres from "postgres";

const ZONES = ["America/New_York", "America/Los_Angeles", "Europe/Berlin", "Europe/London", "Asia/Tokyo", "Australia/Sydney"];
export const PRODUCTS = 100;

/**
 * Empties the database and seeds `n` active subscriptions whose cursor cycle is due at `now`
 * (and whose following cycle is not), the way a real catalogue looks: n/2 customers in six
 * zones with a default address (half the subscriptions point at it, half rely on the
 * fallback), 100 products (two of them short of stock, so the backorder path runs), weekly to
 * quarterly frequencies, four times of day, cursors between 1 and 12, due 2–4 days ago.
 * All set-based (generate_series): seeding is not what is measured.
 */
export async function seedDueSubscriptions(sql: postgres.Sql, n: number, now: Date): Promise<void> {
  const customers = Math.max(1, Math.floor(n / 2));
  await sql`TRUNCATE customers, addresses, products, inventory, subscriptions, cycle_overrides, reminders,
    orders, order_lines, notifications, audit_log RESTART IDENTITY CASCADE`;
  await sql`
    INSERT INTO products (sku, name, price_minor)
    SELECT 'BENCH-' || lpad(g::text, 3, '0'), 'Bench product ' || g, 500 + (g * 37) % 4500
    FROM generate_series(1, ${PRODUCTS}) g`;
  await sql`
    INSERT INTO inventory (product_id, on_hand)
    SELECT id, CASE WHEN sku IN ('BENCH-001', 'BENCH-002') THEN ${Math.floor(n / 1000)}::int ELSE ${n * 3}::int END FROM products`;
  await sql`
    INSERT INTO customers (email, name, time_zone)
    SELECT 'bench-' || g || '@example.test', 'Customer ' || g, (${ZONES}::text[])[1 + g % ${ZONES.length}]
    FROM generate_series(0, ${customers - 1}) g`;
  await sql`
    INSERT INTO addresses (customer_id, name, line1, city, postal_code, country, is_default)
    SELECT id, name, '1 Main St', 'Springfield', '12345', 'US', true FROM customers`;
  await sql`
    WITH c AS (
      SELECT c.id, c.time_zone, a.id AS address_id, (row_number() OVER (ORDER BY c.email) - 1)::int AS rn
      FROM customers c JOIN addresses a ON a.customer_id = c.id
    ), p AS (
      SELECT id, (row_number() OVER (ORDER BY sku) - 1)::int AS rn FROM products
    ), g AS (
      SELECT g,
        (ARRAY['weekly', 'biweekly', 'monthly', 'quarterly'])[1 + g % 4]::frequency AS freq,
        1 + (g / 4) % 12 AS cyc,
        (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')::date - (2 + g % 3) AS due_date,
        (ARRAY['06:00', '09:00', '12:00', '18:00'])[1 + (g / 7) % 4] AS lt
      FROM generate_series(0, ${n - 1}) g
    ), x AS (
      SELECT g.*, c.id AS customer_id, c.time_zone, c.address_id, p.id AS product_id,
        CASE g.freq
          WHEN 'weekly' THEN g.due_date - 7 * g.cyc
          WHEN 'biweekly' THEN g.due_date - 14 * g.cyc
          WHEN 'monthly' THEN (g.due_date - make_interval(months => g.cyc))::date
          ELSE (g.due_date - make_interval(months => 3 * g.cyc))::date
        END AS anchor
      FROM g JOIN c ON c.rn = g.g % ${customers} JOIN p ON p.rn = g.g % ${PRODUCTS}
    )
    INSERT INTO subscriptions (customer_id, product_id, address_id, quantity, frequency, anchor_date,
                               local_time, time_zone, next_cycle_index, next_run_at)
    SELECT customer_id, product_id, CASE WHEN g % 2 = 0 THEN address_id END, 1 + g % 3, freq, anchor,
      lt, time_zone, cyc,
      ((CASE freq
          WHEN 'weekly' THEN anchor + 7 * cyc
          WHEN 'biweekly' THEN anchor + 14 * cyc
          WHEN 'monthly' THEN (anchor + make_interval(months => cyc))::date
          ELSE (anchor + make_interval(months => 3 * cyc))::date
        END) + lt::time) AT TIME ZONE time_zone
    FROM x`;
  await sql`ANALYZE`;
}
