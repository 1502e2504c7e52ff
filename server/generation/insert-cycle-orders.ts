import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import type { NextCycle } from "./plan-cycle";

/** One cycle's order; the subscription columns come from the row locked by the caller. */
export interface OrderToCreate {
  subscriptionId: string;
  customerId: string;
  productId: string;
  addressId: string | null;
  quantity: number;
  cycleIndex: number;
  runAt: Date;
  next: NextCycle | null;
}

export interface CreatedOrder {
  orderId: string;
  subscriptionId: string;
  cycleIndex: number;
  backordered: boolean;
}

/**
 * Creates the orders of one batch in a single statement: orders, their lines priced from
 * products.price_minor now, stock reserved, and one audit row per order.
 *
 * - Idempotent: ON CONFLICT (subscription_id, cycle_index) DO NOTHING; lines, stock and audit
 *   are derived only from the rows actually inserted (RETURNING), so a rerun reserves nothing.
 * - Reservation rule (docs/generation.md): per product, lines take stock in batch order until
 *   it runs out; a line gets min(quantity, what is left), possibly 0. Inventory rows are locked
 *   in product_id order (no deadlock between generators), and the CHECK reserved <= on_hand
 *   makes an oversell impossible even if this arithmetic were wrong. A product without an
 *   inventory row has no stock to reserve.
 * - Flags can't be set in the same statement (a row inserted by a statement can't be updated
 *   by it), so backordered orders are flagged by a second, usually empty, UPDATE.
 */
export async function insertCycleOrders(tx: Transaction, items: readonly OrderToCreate[]): Promise<CreatedOrder[]> {
  if (items.length === 0) return [];
  const input = JSON.stringify(items.map((o, ord) => ({
    ord,
    subscription_id: o.subscriptionId,
    customer_id: o.customerId,
    product_id: o.productId,
    address_id: o.addressId,
    quantity: o.quantity,
    cycle_index: o.cycleIndex,
    scheduled_for: o.runAt.toISOString(),
    next_index: o.next?.index ?? null,
    next_run_at: o.next?.runAt.toISOString() ?? null,
  })));
  const rows = await tx.execute<{ order_id: string; subscription_id: string; cycle_index: number; backordered: boolean }>(sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS t(
        ord int, subscription_id uuid, customer_id uuid, product_id uuid, address_id uuid, quantity int,
        cycle_index int, scheduled_for timestamptz, next_index int, next_run_at timestamptz)
    ), src AS (
      SELECT i.*, p.sku, p.name, p.price_minor, p.currency,
        CASE WHEN a.id IS NULL THEN NULL ELSE jsonb_build_object(
          'name', a.name, 'line1', a.line1, 'line2', a.line2, 'city', a.city, 'region', a.region,
          'postalCode', a.postal_code, 'country', a.country, 'valid', a.valid) END AS shipping_address
      FROM input i
      JOIN products p ON p.id = i.product_id
      -- The subscription's address, else the customer's default (looked up only when unset).
      LEFT JOIN addresses a ON a.id = COALESCE(i.address_id,
        (SELECT d.id FROM addresses d WHERE d.customer_id = i.customer_id AND d.is_default LIMIT 1))
    ), ins AS (
      INSERT INTO orders (customer_id, kind, subscription_id, cycle_index, currency,
                          subtotal_minor, total_minor, shipping_address, scheduled_for)
      SELECT customer_id, 'subscription', subscription_id, cycle_index, currency,
             price_minor::bigint * quantity, price_minor::bigint * quantity, shipping_address, scheduled_for
      FROM src ORDER BY ord
      ON CONFLICT ON CONSTRAINT orders_subscription_cycle DO NOTHING
      RETURNING id, subscription_id, cycle_index
    ), placed AS (
      SELECT ins.id AS order_id, src.* FROM ins
      JOIN src ON src.subscription_id = ins.subscription_id AND src.cycle_index = ins.cycle_index
    ), stock AS (
      SELECT v.product_id, v.on_hand - v.reserved AS available FROM inventory v
      WHERE v.product_id IN (SELECT product_id FROM placed)
      ORDER BY v.product_id
      FOR UPDATE
    ), alloc AS (
      SELECT placed.*, GREATEST(0, LEAST(placed.quantity,
          COALESCE(stock.available, 0) - (SUM(placed.quantity) OVER w - placed.quantity)))::int AS reserved
      FROM placed LEFT JOIN stock ON stock.product_id = placed.product_id
      WINDOW w AS (PARTITION BY placed.product_id ORDER BY placed.ord ROWS UNBOUNDED PRECEDING)
    ), lines AS (
      INSERT INTO order_lines (order_id, product_id, sku, name, quantity, unit_price_minor, reserved_quantity)
      SELECT order_id, product_id, sku, name, quantity, price_minor, reserved FROM alloc
    ), reserve AS (
      UPDATE inventory v SET reserved = v.reserved + r.total, updated_at = now()
      FROM (SELECT product_id, SUM(reserved)::int AS total FROM alloc GROUP BY product_id) r
      WHERE v.product_id = r.product_id AND r.total > 0
    ), audit AS (
      INSERT INTO audit_log (actor_type, actor_id, entity_type, entity_id, action, data)
      SELECT 'system', 'generation', 'subscription', subscription_id::text, 'cycle_generated',
        jsonb_strip_nulls(jsonb_build_object(
          'cycleIndex', cycle_index, 'orderId', order_id, 'scheduledFor', scheduled_for,
          'nextCycleIndex', next_index, 'nextRunAt', next_run_at,
          'reservedQuantity', reserved, 'quantity', quantity))
      FROM alloc
    )
    SELECT order_id, subscription_id, cycle_index, reserved < quantity AS backordered FROM alloc`);

  const backordered = rows.filter((r) => r.backordered).map((r) => r.order_id);
  if (backordered.length > 0) {
    await tx.execute(sql`
      UPDATE orders SET flags = array_append(flags, 'backordered')
      WHERE id = ANY(${`{${backordered.join(",")}}`}::uuid[]) AND NOT ('backordered' = ANY(flags))`);
  }
  return rows.map((r) => ({
    orderId: r.order_id, subscriptionId: r.subscription_id, cycleIndex: r.cycle_index, backordered: r.backordered,
  }));
}
