import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import type { OrderAddress } from "@/db/schema";
import type { OrderKind } from "@/db/vocabulary/order-kinds";
import { pgArray, pgQuotedArray } from "@/server/lib/pg-array";
import { subscriptionAuditRows, type AuditActor, type SubscriptionAuditAction } from "@/server/subscriptions/transition";
import { orderAuditRows } from "./order-audit-rows";
import { batchReservationCtes, lockStock } from "./reserve-stock";
import { isCheckViolation } from "@/db/pg-error";

export interface OrderLineDraft {
  productId: string;
  quantity: number;
  /** The channel's price (what the customer was charged); absent = products.price_minor now. */
  unitPriceMinor?: number;
  /** Absent = the product's own sku / name. */
  sku?: string;
  name?: string;
  meta?: Record<string, unknown> | null;
}

export interface OrderDraft {
  customerId: string;
  kind: OrderKind;
  /** With cycleIndex, the idempotency key of a subscription cycle's order. */
  subscriptionId?: string | null;
  cycleIndex?: number | null;
  /** With externalId, the idempotency key of a channel's order (default channel "replen"). */
  channel?: string;
  externalId?: string | null;
  /** Absent = the first line's product currency. */
  currency?: string;
  /**
   * Where it ships. Given (even null): exactly that (a channel's address). Absent: `addressId`
   * (the subscription's), else the customer's default address, looked up in the statement.
   */
  shippingAddress?: OrderAddress | null;
  addressId?: string | null;
  scheduledFor?: Date | null;
  flags?: readonly string[];
  /**
   * A percentage off the order (a subscription's save-offer discount, 1–90): without `totals`,
   * discount = Σ × percent / 100 rounded half up, total = Σ − discount (model/save-offers.ts
   * discountMinor is the same rule).
   */
  discountPercent?: number | null;
  /** The channel's totals; absent = subtotal = total = Σ line price × quantity, no discount/tax/shipping. */
  totals?: { subtotalMinor: number; discountMinor: number; taxMinor: number; shippingMinor: number; totalMinor: number };
  lines: readonly OrderLineDraft[];
  /** Merged into the creation audit row's data (see InsertOptions.audit). */
  auditData?: Record<string, unknown>;
}

export interface InsertOptions {
  /** Reserve stock now by the batch rule (generation, order-now); false = the workflow's reserve action does it (intake). */
  reserve: boolean;
  /**
   * One creation audit row per inserted order at `now`, data = { orderId, cycleIndex } + auditData:
   * on the subscription (generation's `cycle_generated`, written by the transition module's
   * subscriptionAuditRows) or on the order (intake's `intake_accepted`, by orderAuditRows).
   */
  audit?:
    | { entity: "subscription"; actor: AuditActor; action: SubscriptionAuditAction }
    | { entity: "order"; actorType: string; actorId: string; action: string; toState?: string };
}

/** One row per draft that became an order (a draft whose key already exists is left out). */
export interface InsertedOrder {
  index: number;
  orderId: string;
  backordered: boolean;
}

/**
 * THE way an order comes into existence (generation, program child orders, order-now, intake):
 * orders, their lines, the stock reservation and the creation audit rows in ONE statement for
 * the whole batch, rows column-wise as array parameters (pgArray), plus one UPDATE flagging
 * backordered orders when there are any (a statement can't update rows it inserted).
 *
 * - Idempotent: ON CONFLICT DO NOTHING on the unique keys — (subscription_id, cycle_index) and
 *   (channel, external_id). Lines, stock and audit derive only from orders actually inserted
 *   (ids are drawn in the statement and matched back through RETURNING), so a replay inserts
 *   and reserves nothing.
 * - Prices: a line without a channel price takes products.price_minor at insert time.
 * - Stock: the batch reservation rule (reserve-stock.ts), in draft order; a line that can't be
 *   fully reserved keeps its quantity and its order gets the `backordered` flag.
 * Returns the inserted orders with the index of their draft.
 */
export async function insertOrders(tx: Transaction, drafts: readonly OrderDraft[], now: Date, opts: InsertOptions): Promise<InsertedOrder[]> {
  if (drafts.length === 0) return [];
  if (opts.audit?.entity === "subscription" && drafts.some((d) => !d.subscriptionId)) {
    throw new RangeError("insertOrders: a subscription audit row needs every draft's subscriptionId");
  }
  const at = now.toISOString();
  const col = <T extends string | number | boolean | null>(pick: (d: OrderDraft) => T) => pgArray(drafts.map(pick));
  const text = (pick: (d: OrderDraft) => string | null) => pgQuotedArray(drafts.map(pick));
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  const lines = drafts.flatMap((d, i) => d.lines.map((l) => ({ ord: i + 1, ...l })));
  const lcol = <T extends string | number | boolean | null>(pick: (l: (typeof lines)[number]) => T) => pgArray(lines.map(pick));
  const ltext = (pick: (l: (typeof lines)[number]) => string | null) => pgQuotedArray(lines.map(pick));
  // Name the one arbiter when the batch has one kind of key: each arbiter costs an index probe
  // per row, and a generation batch of cycle orders needs only its own.
  const arbiter = drafts.every((d) => d.cycleIndex != null)
    ? sql`ON CONSTRAINT orders_subscription_cycle`
    : drafts.every((d) => d.externalId != null)
      ? sql`ON CONSTRAINT orders_channel_external`
      : sql``;

  const statement = sql`
    WITH o_in AS (
      -- Ids drawn here (a volatile CTE is evaluated once) match lines and audit to inserted orders.
      SELECT gen_random_uuid() AS id, t.* FROM unnest(
        ${col((d) => d.customerId)}::uuid[], ${col((d) => d.kind)}::order_kind[],
        ${col((d) => d.subscriptionId ?? null)}::uuid[], ${col((d) => d.cycleIndex ?? null)}::int[],
        ${text((d) => d.channel ?? null)}::text[], ${text((d) => d.externalId ?? null)}::text[],
        ${col((d) => d.currency ?? null)}::text[], ${col((d) => d.addressId ?? null)}::uuid[],
        ${col((d) => d.shippingAddress !== undefined)}::boolean[], ${text((d) => json(d.shippingAddress))}::jsonb[],
        ${col((d) => d.scheduledFor?.toISOString() ?? null)}::timestamptz[], ${text((d) => (d.flags?.length ? json(d.flags) : null))}::jsonb[],
        ${col((d) => d.totals?.subtotalMinor ?? null)}::bigint[], ${col((d) => d.totals?.discountMinor ?? null)}::bigint[],
        ${col((d) => d.totals?.taxMinor ?? null)}::bigint[], ${col((d) => d.totals?.shippingMinor ?? null)}::bigint[],
        ${col((d) => d.totals?.totalMinor ?? null)}::bigint[], ${text((d) => json(d.auditData))}::jsonb[],
        ${col((d) => d.discountPercent ?? null)}::int[]
      ) WITH ORDINALITY AS t(customer_id, kind, subscription_id, cycle_index, channel, external_id, currency, address_id,
                             address_given, shipping_address, scheduled_for, flags, subtotal_minor, discount_minor,
                             tax_minor, shipping_minor, total_minor, audit_data, discount_percent, ord)
    ), l_in AS (
      SELECT l.*, p.sku AS product_sku, p.name AS product_name, p.price_minor, p.currency AS product_currency
      FROM unnest(
        ${lcol((l) => l.ord)}::int[], ${lcol((l) => l.productId)}::uuid[], ${lcol((l) => l.quantity)}::int[],
        ${lcol((l) => l.unitPriceMinor ?? null)}::bigint[], ${ltext((l) => l.sku ?? null)}::text[],
        ${ltext((l) => l.name ?? null)}::text[], ${ltext((l) => json(l.meta))}::jsonb[]
      ) WITH ORDINALITY AS l(ord, product_id, quantity, unit_price_minor, sku, name, meta, line_ord)
      JOIN products p ON p.id = l.product_id
    ), sums AS (
      SELECT ord, SUM(COALESCE(unit_price_minor, price_minor::bigint) * quantity)::bigint AS amount,
             (array_agg(product_currency ORDER BY line_ord))[1] AS currency
      FROM l_in GROUP BY ord
    ), src AS (
      SELECT o.*, s.amount, COALESCE(o.currency, s.currency) AS order_currency,
        LEAST(s.amount, (s.amount * COALESCE(o.discount_percent, 0) + 50) / 100) AS percent_off,
        CASE WHEN o.address_given THEN o.shipping_address WHEN a.id IS NULL THEN NULL ELSE jsonb_build_object(
          'name', a.name, 'line1', a.line1, 'line2', a.line2, 'city', a.city, 'region', a.region,
          'postalCode', a.postal_code, 'country', a.country, 'valid', a.valid) END AS ship_to
      FROM o_in o
      JOIN sums s ON s.ord = o.ord
      -- The given address id (the subscription's), else the customer's default (looked up only when unset).
      LEFT JOIN addresses a ON NOT o.address_given AND a.id = COALESCE(o.address_id,
        (SELECT d.id FROM addresses d WHERE d.customer_id = o.customer_id AND d.is_default LIMIT 1))
    ), ins AS (
      INSERT INTO orders (id, customer_id, kind, subscription_id, cycle_index, channel, external_id, currency,
                          subtotal_minor, discount_minor, tax_minor, shipping_minor, total_minor, shipping_address,
                          flags, scheduled_for, created_at, state_entered_at)
      SELECT id, customer_id, kind, subscription_id, cycle_index, COALESCE(channel, 'replen'), external_id, order_currency,
             COALESCE(subtotal_minor, amount), COALESCE(discount_minor, percent_off), COALESCE(tax_minor, 0), COALESCE(shipping_minor, 0),
             COALESCE(total_minor, amount - percent_off), ship_to,
             CASE WHEN flags IS NULL THEN '{}'::text[] ELSE ARRAY(SELECT jsonb_array_elements_text(flags)) END,
             scheduled_for, ${at}::timestamptz, ${at}::timestamptz
      FROM src ORDER BY ord
      ON CONFLICT ${arbiter} DO NOTHING
      RETURNING id
    ), placed AS (
      SELECT src.* FROM ins JOIN src ON src.id = ins.id
    ), lines AS (
      SELECT l_in.*, placed.id AS order_id FROM l_in JOIN placed ON placed.ord = l_in.ord
    ), ${batchReservationCtes(opts.reserve, now)}, ins_lines AS (
      INSERT INTO order_lines (order_id, product_id, sku, name, quantity, unit_price_minor, reserved_quantity, meta)
      SELECT order_id, product_id, COALESCE(sku, product_sku), COALESCE(name, product_name), quantity,
             COALESCE(unit_price_minor, price_minor), reserved, meta
      FROM alloc
    )${creationAudit(opts.audit, at)}
    SELECT ord::int, order_id::text, bool_or(reserved < quantity) AS backordered FROM alloc GROUP BY ord, order_id`;
  const rows = opts.reserve
    ? await insertReserving(tx, statement, sql`SELECT unnest(${lcol((l) => l.productId)}::uuid[])`)
    : await tx.execute<InsertedRow>(statement);

  const inserted = rows.map((r) => ({ index: r.ord - 1, orderId: r.order_id, backordered: opts.reserve && r.backordered }));
  await flagBackordered(
    tx,
    inserted.filter((o) => o.backordered).map((o) => o.orderId),
  );
  return inserted.sort((a, b) => a.index - b.index);
}

type InsertedRow = { ord: number; order_id: string; backordered: boolean };

/**
 * Runs the inserting statement optimistically, without taking the stock first: its `available`
 * comes from the statement's snapshot, which a reservation or release committing meanwhile can
 * leave stale, so it may reserve more than is left. CHECK inventory_reserved_range refuses
 * exactly that, so the attempt runs in a savepoint and, when refused, runs again after
 * `lockStock` (then nothing can change the stock under it). Locking first every time serialized
 * concurrent generation batches for the length of their insert: 100k orders with 2 workers,
 * 8.0 s optimistic against 10.8 s locked, and a refusal is rare (the product has to run out).
 */
async function insertReserving(tx: Transaction, statement: SQL, productIds: SQL): Promise<readonly InsertedRow[]> {
  try {
    return await tx.transaction((sp) => sp.execute<InsertedRow>(statement));
  } catch (e) {
    if (!isCheckViolation(e, "inventory_reserved_range")) throw e;
    await tx.execute(lockStock(productIds));
    return tx.execute<InsertedRow>(statement);
  }
}

/**
 * The creation audit rows as one more CTE over `placed` (the orders actually inserted), so they
 * commit with the orders in the same statement; none when the caller asked for none.
 */
function creationAudit(audit: InsertOptions["audit"], at: string): SQL {
  if (!audit) return sql``;
  const cols = {
    at: sql`${at}::timestamptz`,
    fromState: sql`NULL`,
    // Kept small (one row per order, millions a day): the order and its lines hold the rest.
    data: sql`jsonb_strip_nulls(jsonb_build_object('orderId', id, 'cycleIndex', cycle_index)) || COALESCE(audit_data, '{}'::jsonb)`,
  };
  const rows =
    audit.entity === "subscription"
      ? subscriptionAuditRows(audit.actor, audit.action, { ...cols, entityId: sql`subscription_id::text`, toState: sql`NULL` }, sql`placed`)
      : orderAuditRows(
          {
            ...cols,
            actorType: sql`${audit.actorType}::text`,
            actorId: sql`${audit.actorId}::text`,
            entityId: sql`id::text`,
            action: sql`${audit.action}::text`,
            toState: sql`${audit.toState ?? null}::text`,
          },
          sql`placed`,
        );
  return sql`, audit AS (${rows})`;
}

/** Separate because a statement can't update rows it inserted; idempotent (never adds the flag twice). */
async function flagBackordered(tx: Transaction, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await tx.execute(sql`
    UPDATE orders SET flags = array_append(flags, 'backordered')
    WHERE id = ANY(${pgArray(orderIds)}::uuid[]) AND NOT ('backordered' = ANY(flags))`);
}
