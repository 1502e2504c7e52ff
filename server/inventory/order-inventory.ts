import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";

export type ShortLine = { sku: string; missing: number; available: number };
export type ReserveResult = { ok: true; reservedNow: number } | { ok: false; reservedNow: number; short: ShortLine[] };

type LineRow = { id: string; product_id: string; sku: string; quantity: number; reserved_quantity: number };

/** The order's lines, locked, in product order (the same order generation locks stock in). */
async function lockLines(tx: Transaction, orderId: string): Promise<LineRow[]> {
  return [...(await tx.execute<LineRow>(sql`
    SELECT id, product_id, sku, quantity, reserved_quantity FROM order_lines
    WHERE order_id = ${orderId} ORDER BY product_id, id FOR UPDATE`))];
}

/**
 * Reserves what is still unreserved on each line. Generation already reserved what it could
 * when it created the order, so this takes only the remainder — never twice (lines are locked
 * and `reserved_quantity` records progress). A line is reserved fully or not at all; the
 * result fails if any line still misses stock (what was reserved stays: the caller's
 * compensation releases it). The CHECK reserved <= on_hand is the last line of defence.
 */
export async function reserveOrderInventory(db: Database, orderId: string, now: Date): Promise<ReserveResult> {
  return db.transaction(async (tx) => {
    let reservedNow = 0;
    const short: ShortLine[] = [];
    for (const line of await lockLines(tx, orderId)) {
      const need = line.quantity - line.reserved_quantity;
      if (need <= 0) continue;
      const taken = await tx.execute<{ product_id: string }>(sql`
        UPDATE inventory SET reserved = reserved + ${need}, updated_at = ${now.toISOString()}::timestamptz
        WHERE product_id = ${line.product_id} AND on_hand - reserved >= ${need}
        RETURNING product_id`);
      if (taken.length === 0) {
        const [stock] = await tx.execute<{ available: number }>(sql`
          SELECT (on_hand - reserved)::int AS available FROM inventory WHERE product_id = ${line.product_id}`);
        short.push({ sku: line.sku, missing: need, available: stock?.available ?? 0 });
        continue;
      }
      await tx.execute(sql`UPDATE order_lines SET reserved_quantity = quantity WHERE id = ${line.id}`);
      reservedNow += need;
    }
    return short.length === 0 ? { ok: true, reservedNow } : { ok: false, reservedNow, short };
  });
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
