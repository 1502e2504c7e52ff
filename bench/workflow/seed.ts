import type postgres from "postgres";

/**
 * `n` small domestic orders (one line, below the approval threshold, valid address, stock to
 * spare) in `created`, not yet pinned: what generation hands the workflow. Set-based.
 */
export async function seedWorkflowOrders(sql: postgres.Sql, n: number): Promise<void> {
  await sql`
    INSERT INTO products (sku, name, price_minor)
    SELECT 'WF-BENCH-' || g, 'Bench product ' || g, 1000 + g FROM generate_series(1, 20) g`;
  await sql`INSERT INTO inventory (product_id, on_hand) SELECT id, ${n * 10}::int FROM products`;
  await sql`
    INSERT INTO customers (email, name)
    SELECT 'wf-bench-' || g || '@example.test', 'Customer ' || g FROM generate_series(1, GREATEST(1, ${n} / 10)) g`;
  await sql`
    WITH c AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS rn, count(*) OVER () AS total FROM customers),
         p AS (SELECT id, sku, name, price_minor, row_number() OVER (ORDER BY sku) - 1 AS rn FROM products),
         ins AS (
           INSERT INTO orders (customer_id, kind, currency, subtotal_minor, total_minor, shipping_address)
           SELECT c.id, 'one_off', 'USD', 2000, 2000,
             '{"name":"Bench","line1":"1 Main St","city":"Springfield","postalCode":"12345","country":"US","valid":true}'::jsonb
           FROM generate_series(0, ${n - 1}) g JOIN c ON c.rn = g % c.total
           RETURNING id, number)
    INSERT INTO order_lines (order_id, product_id, sku, name, quantity, unit_price_minor)
    SELECT ins.id, p.id, p.sku, p.name, 1, p.price_minor FROM ins JOIN p ON p.rn = ins.number % 20`;
}
