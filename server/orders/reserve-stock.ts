import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { pgArray } from "@/server/lib/pg-array";

export type ShortLine = { sku: string; missing: number; available: number };
export type ReserveResult = { ok: true; reservedNow: number } | { ok: false; reservedNow: number; short: ShortLine[] };

/**
 * The reservation rule for a batch of NEW lines (docs/generation.md), as CTEs for the
 * statement that inserts them (insertOrders): the caller defines `lines` (product_id, quantity,
 * ord = batch order, line_ord); this adds `stock` (the products' inventory rows, locked in
 * product order), `alloc` (each line reserves min(quantity, what is left of its product after
 * the lines before it), possibly 0) and `reserve` (inventory.reserved += the sum). The caller
 * runs it optimistically: `available` may be stale when another writer committed meanwhile, and
 * CHECK reserved <= on_hand then refuses the statement (insertOrders runs it again after
 * `lockStock`), so an oversell stays impossible; no inventory row = no stock. With `enabled` false nothing is locked or reserved.
 * Kept inside the insert statement so a 1M-order renewal day writes each line once.
 */
export function batchReservationCtes(enabled: boolean, now: Date): SQL {
  return sql`
    stock AS (
      SELECT v.product_id, v.on_hand - v.reserved AS available FROM inventory v
      WHERE ${enabled} AND v.product_id IN (SELECT product_id FROM lines)
      ORDER BY v.product_id
      FOR UPDATE
    ), alloc AS (
      SELECT lines.*, CASE WHEN ${enabled} THEN GREATEST(0, LEAST(lines.quantity,
          COALESCE(stock.available, 0) - (SUM(lines.quantity) OVER w - lines.quantity)))::int ELSE 0 END AS reserved
      FROM lines LEFT JOIN stock ON stock.product_id = lines.product_id
      WINDOW w AS (PARTITION BY lines.product_id ORDER BY lines.ord, lines.line_ord ROWS UNBOUNDED PRECEDING)
    ), reserve AS (
      UPDATE inventory v SET reserved = v.reserved + r.total, updated_at = ${now.toISOString()}::timestamptz
      FROM (SELECT product_id, SUM(reserved)::int AS total FROM alloc GROUP BY product_id) r
      WHERE v.product_id = r.product_id AND r.total > 0
    )`;
}

/**
 * Locks the products' inventory rows (product order, as every stock writer locks them) in a
 * statement of their own, BEFORE the statement that reads and changes them. Locking inside that
 * statement is not enough under READ COMMITTED: its `available` was computed from a snapshot
 * older than a concurrent reservation that committed while it waited, and it oversold
 * (inventory_reserved_range caught it; server/orders/__tests__/reserve-stock.int.test.ts). A
 * statement that starts after the lock is held sees the latest committed stock.
 */
export function lockStock(productIds: SQL): SQL {
  return sql`SELECT 1 FROM inventory WHERE product_id IN (${productIds}) ORDER BY product_id FOR UPDATE`;
}

/** reserveStock for one order. */
export async function reserveOrderStock(db: DbOrTx, orderId: string, now: Date): Promise<ReserveResult> {
  return (await reserveStock(db, [orderId], now)).get(orderId) ?? { ok: true, reservedNow: 0 };
}

/**
 * Tops up EXISTING orders (the workflow's reserve_inventory action): reserves what is still
 * unreserved on each line — never twice (lines are locked and `reserved_quantity` records
 * progress). Stock is locked by `lockStock` before the statement, lines in product order; each
 * product's available units go to the waiting lines first come, first served (line order),
 * whole lines only: a workflow step either has the line or waits for a restock. The result
 * fails for an order if any line still misses stock (what was reserved stays: the caller's
 * compensation releases it). One statement for the whole set, after `lockStock`; a result per
 * order asked for.
 */
export async function reserveStock(db: DbOrTx, orderIds: readonly string[], now: Date): Promise<Map<string, ReserveResult>> {
  const out = new Map<string, ReserveResult>(orderIds.map((id) => [id, { ok: true, reservedNow: 0 }]));
  if (orderIds.length === 0) return out;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(
      lockStock(sql`SELECT product_id FROM order_lines WHERE order_id = ANY(${pgArray(orderIds)}::uuid[]) AND quantity > reserved_quantity`),
    );
    return tx.execute<{ order_id: string; sku: string; n: number; granted: boolean; available: number }>(sql`
    WITH need AS (
      SELECT l.id, l.order_id, l.product_id, l.sku, l.quantity - l.reserved_quantity AS n FROM order_lines l
      WHERE l.order_id = ANY(${pgArray(orderIds)}::uuid[]) AND l.quantity > l.reserved_quantity
      ORDER BY l.product_id, l.id FOR UPDATE
    ), stock AS (
      SELECT v.product_id, v.on_hand - v.reserved AS available FROM inventory v
      WHERE v.product_id IN (SELECT product_id FROM need)
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
  });
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
