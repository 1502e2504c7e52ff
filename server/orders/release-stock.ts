import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { pgArray } from "@/server/lib/pg-array";
import { lockStock } from "./reserve-stock";

/** releaseStock for one order. */
export async function releaseOrderStock(db: DbOrTx, orderId: string, now: Date, opts: { consume?: boolean } = {}): Promise<{ units: number }> {
  return { units: (await releaseStock(db, [orderId], now, opts)).get(orderId) ?? 0 };
}

/**
 * Gives back every unit reserved for the orders (compensation, a cancel, an order that ended
 * without shipping), in one statement after `lockStock`: lines are locked in product order, cleared, and each product's stock adjusted
 * once by the sum. Idempotent: lines drop to reserved_quantity = 0, so a second call releases
 * nothing. With `consume`, the units leave the warehouse instead (the order shipped): on_hand
 * drops too. Returns the units released (or consumed) per order that had any.
 */
export async function releaseStock(
  db: DbOrTx,
  orderIds: readonly string[],
  now: Date,
  opts: { consume?: boolean } = {},
): Promise<Map<string, number>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db.transaction(async (tx) => {
    // Stock first, in its own statement, as every stock writer takes it (lockStock says why).
    await tx.execute(lockStock(sql`SELECT product_id FROM order_lines WHERE order_id = ANY(${pgArray(orderIds)}::uuid[]) AND reserved_quantity > 0`));
    return tx.execute<{ order_id: string; units: number }>(sql`
    WITH lines AS (
      SELECT id, order_id, product_id, reserved_quantity AS n FROM order_lines
      WHERE order_id = ANY(${pgArray(orderIds)}::uuid[]) AND reserved_quantity > 0
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
  });
  return new Map(rows.map((r) => [r.order_id, r.units]));
}
