import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { flagBackordered } from "./flag-backordered";
import { pgArray } from "./pg-array";

/** What a batch does to one locked subscription: move its cursor, and maybe create one order. */
export interface CycleWrite {
  subscriptionId: string;
  /** The cursor the plan was made from; the UPDATE is guarded by it. */
  fromIndex: number;
  toIndex: number;
  nextRunAt: Date | null;
  /** "completed" when the end condition is reached: no next run. */
  status: "active" | "completed";
  /** The cycle's order, from the locked row's columns; absent for skips and completions. */
  order: null | { cycleIndex: number; runAt: Date; customerId: string; productId: string; addressId: string | null; quantity: number };
}

export interface CreatedOrder { orderId: string; subscriptionId: string; cycleIndex: number; backordered: boolean }

/**
 * Applies a whole batch in ONE statement: every cursor moved (guarded UPDATE), and for cycles
 * with an order: the order, its line priced from products.price_minor now, stock reserved and
 * a `cycle_generated` audit row. Rows travel column-wise as array parameters (pgArray).
 *
 * - Idempotent: ON CONFLICT (subscription_id, cycle_index) DO NOTHING; lines, stock and audit
 *   derive only from orders actually inserted (RETURNING), so a replay reserves nothing.
 * - Reservation rule (docs/generation.md): per product, lines take stock in batch order until
 *   it runs out; each gets min(quantity, what is left), possibly 0. Inventory rows are locked
 *   in product_id order (generators can't deadlock), and CHECK reserved <= on_hand makes an
 *   oversell impossible even if this arithmetic were wrong. No inventory row = no stock.
 * - A statement can't update rows it inserted, so backordered orders get their flag from a
 *   second UPDATE, issued only when there are any.
 * Returns how many cursors moved (the caller checks it against the batch) and the orders.
 */
export async function applyCycles(tx: Transaction, writes: readonly CycleWrite[]): Promise<{ moved: number; created: CreatedOrder[] }> {
  if (writes.length === 0) return { moved: 0, created: [] };
  const col = <T extends string | number | boolean | null>(pick: (w: CycleWrite) => T) => pgArray(writes.map(pick));
  const rows = await tx.execute<{ moved: number; order_id: string | null; subscription_id: string; cycle_index: number; backordered: boolean }>(sql`
    WITH input AS (
      SELECT * FROM unnest(
        ${col((w) => w.subscriptionId)}::uuid[], ${col((w) => w.fromIndex)}::int[], ${col((w) => w.toIndex)}::int[],
        ${col((w) => w.nextRunAt?.toISOString() ?? null)}::timestamptz[], ${col((w) => w.status)}::subscription_status[],
        ${col((w) => w.order?.cycleIndex ?? null)}::int[], ${col((w) => w.order?.runAt.toISOString() ?? null)}::timestamptz[],
        ${col((w) => w.order?.customerId ?? null)}::uuid[], ${col((w) => w.order?.productId ?? null)}::uuid[],
        ${col((w) => w.order?.addressId ?? null)}::uuid[], ${col((w) => w.order?.quantity ?? null)}::int[]
      ) WITH ORDINALITY AS t(subscription_id, from_index, to_index, next_run_at, status,
                             cycle_index, scheduled_for, customer_id, product_id, address_id, quantity, ord)
    ), moved AS (
      UPDATE subscriptions s
      SET next_cycle_index = i.to_index, next_run_at = i.next_run_at, status = i.status, failure_count = 0, updated_at = now()
      FROM input i
      WHERE s.id = i.subscription_id AND s.status = 'active' AND s.next_cycle_index = i.from_index
      RETURNING 1
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
      WHERE i.cycle_index IS NOT NULL
    ), ins AS (
      INSERT INTO orders (customer_id, kind, subscription_id, cycle_index, currency,
                          subtotal_minor, total_minor, shipping_address, scheduled_for)
      SELECT customer_id, 'subscription', subscription_id, cycle_index, currency,
             price_minor::bigint * quantity, price_minor::bigint * quantity, shipping_address, scheduled_for
      FROM src
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
        -- Kept small (one row per order, millions a day): the order and its line hold the rest.
        jsonb_build_object('cycleIndex', cycle_index, 'orderId', order_id, 'nextRunAt', next_run_at)
      FROM alloc
    )
    -- One row even when nothing was ordered, so the moved count always comes back.
    SELECT m.moved, a.order_id, a.subscription_id, a.cycle_index, a.reserved < a.quantity AS backordered
    FROM (SELECT count(*)::int AS moved FROM moved) m LEFT JOIN alloc a ON true`);

  const created = rows.filter((r) => r.order_id !== null).map((r) => ({
    orderId: r.order_id!, subscriptionId: r.subscription_id, cycleIndex: r.cycle_index, backordered: r.backordered,
  }));
  await flagBackordered(tx, created.filter((c) => c.backordered).map((c) => c.orderId));
  return { moved: rows[0]?.moved ?? 0, created };
}
