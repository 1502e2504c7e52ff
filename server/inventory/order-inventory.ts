import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export type ShortLine = { sku: string; missing: number; available: number };
export type ReserveResult = { ok: true; reservedNow: number } | { ok: false; reservedNow: number; short: ShortLine[] };

/**
 * Reserves what is still unreserved on each line. Generation already reserved what it could
 * when it created the order, so this takes only the remainder — never twice (lines are locked
 * and `reserved_quantity` records progress). A line is reserved fully or not at all; the
 * result fails if any line still misses stock (what was reserved stays: the caller's
 * compensation releases it). The CHECK reserved <= on_hand is the last line of defence.
 */
export async function reserveOrderInventory(db: Database, orderId: string, now: Date): Promise<ReserveResult> {
  return (await reserveOrdersInventory(db, [orderId], now)).get(orderId) ?? { ok: true, reservedNow: 0 };
}

/**
 * reserveOrderInventory for many orders in one statement. Lines and stock are locked in product
 * order (as generation locks stock); each product's available units go to the waiting lines
 * first come, first served (line order), whole lines only. Returns a result per order asked for.
 */
export async function reserveOrdersInventory(db: Database, orderIds: readonly string[], now: Date): Promise<Map<string, ReserveResult>> {
  const out = new Map<string, ReserveResult>(orderIds.map((id) => [id, { ok: true, reservedNow: 0 }]));
  if (orderIds.length === 0) return out;
  const rows = await db.execute<{ order_id: string; sku: string; n: number; granted: boolean; available: number }>(sql`
    WITH need AS (
      SELECT l.id, l.order_id, l.product_id, l.sku, l.quantity - l.reserved_quantity AS n FROM order_lines l
      WHERE l.order_id = ANY(${`{${orderIds.join(",")}}`}::uuid[]) AND l.quantity > l.reserved_quantity
      ORDER BY l.product_id, l.id FOR UPDATE
    ), stock AS (
      SELECT v.product_id, v.on_hand - v.reserved AS available FROM inventory v
      WHERE v.product_id IN (SELECT product_id FROM need) ORDER BY v.product_id FOR UPDATE
    ), ranked AS (
      SELECT need.*, sum(need.n) OVER (PARTITION BY need.product_id ORDER BY need.id) AS cum, coalesce(s.available, 0) AS available
      FROM need LEFT JOIN stock s ON s.product_id = need.product_id
    ), granted AS (
      SELECT * FROM ranked WHERE cum <= available
    ), lines_done AS (
      UPDATE order_lines l SET reserved_quantity = l.quantity FROM granted g WHERE l.id = g.id RETURNING l.id
    ), stock_done AS (
      UPDATE inventory v SET reserved = v.reserved + t.n, updated_at = ${now.toISOString()}::timestamptz
      FROM (SELECT product_id, sum(n)::int AS n FROM granted GROUP BY product_id) t
      WHERE v.product_id = t.product_id RETURNING v.product_id
    )
    SELECT order_id::text, sku, n::int, cum <= available AS granted, greatest(available - (cum - n), 0)::int AS available FROM ranked`);
  for (const r of rows) {
    const prev = out.get(r.order_id) ?? { ok: true, reservedNow: 0 };
    if (r.granted) {
      out.set(r.order_id, { ...prev, reservedNow: prev.reservedNow + r.n });
      continue;
    }
    const short: ShortLine[] = [...(prev.ok ? [] : prev.short), { sku: r.sku, missing: r.n, available: r.available }];
    out.set(r.order_id, { ok: false, reservedNow: prev.reservedNow, short });
  }
  return out;
}

/**
 * Gives back every unit reserved for the order (compensation, or an order that ended without
 * shipping). Idempotent: lines drop to reserved_quantity = 0, so a second call releases nothing.
 * With `consume`, the units leave the warehouse instead (the order shipped): on_hand drops too.
 */
export async function releaseOrderInventory(
  db: Database, orderId: string, now: Date, opts: { consume?: boolean } = {},
): Promise<{ units: number }> {
  return { units: (await releaseOrdersInventory(db, [orderId], now, opts)).get(orderId) ?? 0 };
}

/**
 * releaseOrderInventory for many orders in one statement: lines are locked in product order
 * (the order generation and reservations lock stock in), cleared, and each product's stock
 * adjusted once by the sum. Returns the units released (or consumed) per order that had any.
 */
export async function releaseOrdersInventory(
  db: Database, orderIds: readonly string[], now: Date, opts: { consume?: boolean } = {},
): Promise<Map<string, number>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db.execute<{ order_id: string; units: number }>(sql`
    WITH lines AS (
      SELECT id, order_id, product_id, reserved_quantity AS n FROM order_lines
      WHERE order_id = ANY(${`{${orderIds.join(",")}}`}::uuid[]) AND reserved_quantity > 0
      ORDER BY product_id, id FOR UPDATE
    ), cleared AS (
      UPDATE order_lines l SET reserved_quantity = 0 FROM lines WHERE l.id = lines.id
      RETURNING lines.order_id, lines.product_id, lines.n
    ), stock AS (
      UPDATE inventory v SET reserved = v.reserved - p.n, on_hand = v.on_hand - ${opts.consume ? sql`p.n` : sql`0`},
        updated_at = ${now.toISOString()}::timestamptz
      FROM (SELECT product_id, sum(n)::int AS n FROM cleared GROUP BY product_id) p
      WHERE v.product_id = p.product_id
    )
    SELECT order_id::text, sum(n)::int AS units FROM cleared GROUP BY order_id`);
  return new Map(rows.map((r) => [r.order_id, r.units]));
}
