import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { flagBackordered } from "../generation/flag-backordered";

export interface ChildOrderToCreate {
  subscriptionId: string;
  /** The occasion index (one cycle per occasion). */
  cycleIndex: number;
  /** The resolved item (substitution applied): the order's only line. */
  productId: string;
  scheduledFor: Date;
  meta: Record<string, unknown>;
}

export interface CreatedChildOrder { orderId: string; subscriptionId: string; cycleIndex: number; backordered: boolean }

/**
 * Creates program child orders in one statement — the same rules as generation's
 * insertCycleOrders (idempotent on (subscription_id, cycle_index); stock reserved per product
 * in input order, inventory locked in product order; CHECK reserved <= on_hand as the
 * backstop) except that each order's line is the given resolved item, not the subscription's
 * product (which is the program's parent). The line carries the program meta (event, series
 * item, substitution) so staff can see why this item shipped.
 */
export async function insertChildOrders(tx: Transaction, items: readonly ChildOrderToCreate[]): Promise<CreatedChildOrder[]> {
  if (items.length === 0) return [];
  const input = JSON.stringify(items.map((o, ord) => ({
    ord, subscription_id: o.subscriptionId, cycle_index: o.cycleIndex, product_id: o.productId,
    scheduled_for: o.scheduledFor.toISOString(), meta: o.meta,
  })));
  const rows = await tx.execute<{ order_id: string; subscription_id: string; cycle_index: number; backordered: boolean }>(sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS t(
        ord int, subscription_id uuid, cycle_index int, product_id uuid, scheduled_for timestamptz, meta jsonb)
    ), src AS (
      SELECT i.*, s.customer_id, s.quantity, p.sku, p.name, p.price_minor, p.currency,
        CASE WHEN a.id IS NULL THEN NULL ELSE jsonb_build_object(
          'name', a.name, 'line1', a.line1, 'line2', a.line2, 'city', a.city, 'region', a.region,
          'postalCode', a.postal_code, 'country', a.country, 'valid', a.valid) END AS shipping_address
      FROM input i
      JOIN subscriptions s ON s.id = i.subscription_id
      JOIN products p ON p.id = i.product_id
      LEFT JOIN addresses a ON a.id = COALESCE(s.address_id,
        (SELECT d.id FROM addresses d WHERE d.customer_id = s.customer_id AND d.is_default LIMIT 1))
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
      INSERT INTO order_lines (order_id, product_id, sku, name, quantity, unit_price_minor, reserved_quantity, meta)
      SELECT order_id, product_id, sku, name, quantity, price_minor, reserved, meta FROM alloc
    ), reserve AS (
      UPDATE inventory v SET reserved = v.reserved + r.total, updated_at = now()
      FROM (SELECT product_id, SUM(reserved)::int AS total FROM alloc GROUP BY product_id) r
      WHERE v.product_id = r.product_id AND r.total > 0
    ), audit AS (
      INSERT INTO audit_log (actor_type, actor_id, entity_type, entity_id, action, data)
      SELECT 'system', 'generation', 'subscription', subscription_id::text, 'cycle_generated',
        jsonb_strip_nulls(jsonb_build_object(
          'cycleIndex', cycle_index, 'orderId', order_id, 'scheduledFor', scheduled_for, 'productId', product_id,
          'program', meta, 'reservedQuantity', reserved, 'quantity', quantity))
      FROM alloc
    )
    SELECT order_id, subscription_id, cycle_index, reserved < quantity AS backordered FROM alloc`);

  await flagBackordered(tx, rows.filter((r) => r.backordered).map((r) => r.order_id));
  return rows.map((r) => ({ orderId: r.order_id, subscriptionId: r.subscription_id, cycleIndex: r.cycle_index, backordered: r.backordered }));
}
