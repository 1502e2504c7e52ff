import type postgres from "postgres";

/**
 * The physical limit: the same orders and lines the generator creates (same columns, prices,
 * address snapshot, same indexes and constraints), written by ONE set-based statement in one
 * transaction — no claim, no schedule math, no reservation, audit or cursor update. Nothing
 * written this way can be faster on this machine, so the generator is measured against it.
 * Returns the number of orders inserted; the caller times it and truncates afterwards.
 */
export async function insertAllOrdersAtOnce(sql: postgres.Sql, now: Date, cycles: "due" | "previous"): Promise<number> {
  // "previous": after a generator run moved every cursor on, the same cycles again (cursor − 1).
  const cycle = cycles === "due" ? sql`s.next_cycle_index` : sql`s.next_cycle_index - 1`;
  const due = cycles === "due" ? sql`s.next_run_at <= ${now.toISOString()}::timestamptz` : sql`true`;
  const rows = await sql`
    WITH o AS (
      INSERT INTO orders (customer_id, kind, subscription_id, cycle_index, currency,
                          subtotal_minor, total_minor, shipping_address, scheduled_for)
      SELECT s.customer_id, 'subscription', s.id, ${cycle}, p.currency,
             p.price_minor::bigint * s.quantity, p.price_minor::bigint * s.quantity,
             CASE WHEN a.id IS NULL THEN NULL ELSE jsonb_build_object(
               'name', a.name, 'line1', a.line1, 'line2', a.line2, 'city', a.city, 'region', a.region,
               'postalCode', a.postal_code, 'country', a.country, 'valid', a.valid) END,
             s.next_run_at
      FROM subscriptions s
      JOIN products p ON p.id = s.product_id
      LEFT JOIN addresses a ON a.id = COALESCE(s.address_id,
        (SELECT d.id FROM addresses d WHERE d.customer_id = s.customer_id AND d.is_default LIMIT 1))
      WHERE s.status = 'active' AND ${due}
      RETURNING id, subscription_id
    ), l AS (
      INSERT INTO order_lines (order_id, product_id, sku, name, quantity, unit_price_minor, reserved_quantity)
      SELECT o.id, p.id, p.sku, p.name, s.quantity, p.price_minor, s.quantity
      FROM o JOIN subscriptions s ON s.id = o.subscription_id JOIN products p ON p.id = s.product_id
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM l`;
  return Number(rows[0]?.n ?? 0);
}
