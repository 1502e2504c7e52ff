import "server-only";
import { sql as dsql } from "drizzle-orm";
import type postgres from "postgres";
import type { Database } from "@/db/client";
import { loadPrograms } from "@/server/continuity/load-program";
import type { BillingPlan, SubscriberState } from "@/server/continuity/model";
import type { CycleAddon, CycleExtras, CycleProduct } from "@/server/generation/cycle-lines";
import type { CycleOverride } from "@/server/generation/plan-cycle";
import type { Frequency } from "@/server/schedule";
import type { CycleOverrideKind, EndKind } from "@/server/subscriptions/subscription-status";
import { NO_OPT_OUTS, NO_OVERRIDES, type BookEnrollment, type BookProduct, type BookSubscription, type ForecastCatalog, type Segment } from "./model";

/** Rows per fetch of the streamed read: bounds memory at 1M subscriptions. */
const CHUNK = 10_000;

/**
 * Every subscription that can still produce an order (active, or paused), read through a cursor
 * in chunks of 10k rows, so a 1M book never sits in memory at once. Program subscriptions are
 * excluded (their orders come from their enrollment, loadEnrollmentsForForecast). The segment's
 * customer, subscription, frequency and zone filters are applied in SQL.
 *
 * Each row travels as ONE text column (fields joined by "|"; none of them can contain one:
 * uuids, enum labels, dates, HH:MM, IANA names): the driver's per-column parsing was two thirds
 * of the read. Overrides come from one statement up front (few rows), not a join per row.
 */
export async function* streamSubscriptions(db: Database, segment: Segment = {}): AsyncGenerator<BookSubscription[]> {
  const overrides = await loadOverridesAtCursor(db, segment);
  const extras = await loadExtrasAtCursor(db, segment);
  // drizzle keeps the postgres.js client on every database it returns; its cursor streams rows.
  const sql = (db as unknown as { $client: postgres.Sql }).$client;
  const rows = sql<Array<{ r: string }>>`
    SELECT concat_ws('|', s.id, s.customer_id, s.product_id, s.quantity, s.frequency, s.anchor_date, s.anchor_index, s.local_time,
      s.time_zone, s.end_kind, COALESCE(s.end_cycles::text, ''), COALESCE(s.end_date::text, ''), s.next_cycle_index,
      COALESCE((extract(epoch FROM s.next_run_at) * 1000)::bigint::text, ''), s.status, COALESCE(s.paused_until::text, ''),
      p.sellable, p.kind, COALESCE(s.discount_percent::text, ''), COALESCE(s.discount_orders_left::text, '')) AS r
    FROM subscriptions s JOIN products p ON p.id = s.product_id
    WHERE s.status IN ('active', 'paused') AND p.kind <> 'program' AND ${segmentWhereRaw(sql, segment)}`;
  for await (const chunk of rows.cursor(CHUNK)) {
    yield chunk.map(({ r }) => parseRow(r, overrides, extras));
  }
}

/** The same filter for the raw postgres.js client (drizzle fragments do not nest in its templates). */
function segmentWhereRaw(sql: postgres.Sql, segment: Segment) {
  return sql`(${segment.customerId ?? null}::uuid IS NULL OR s.customer_id = ${segment.customerId ?? null}::uuid)
      AND (${segment.subscriptionId ?? null}::uuid IS NULL OR s.id = ${segment.subscriptionId ?? null}::uuid)
      AND (${segment.frequency ?? null}::text IS NULL OR s.frequency::text = ${segment.frequency ?? null}::text)
      AND (${segment.timeZone ?? null}::text IS NULL OR s.time_zone = ${segment.timeZone ?? null}::text)`;
}

function segmentWhere(segment: Segment) {
  return dsql`(${segment.customerId ?? null}::uuid IS NULL OR s.customer_id = ${segment.customerId ?? null}::uuid)
      AND (${segment.subscriptionId ?? null}::uuid IS NULL OR s.id = ${segment.subscriptionId ?? null}::uuid)
      AND (${segment.frequency ?? null}::text IS NULL OR s.frequency::text = ${segment.frequency ?? null}::text)
      AND (${segment.timeZone ?? null}::text IS NULL OR s.time_zone = ${segment.timeZone ?? null}::text)`;
}

/** Overrides at or after each live subscription's cursor (earlier ones can no longer matter). */
async function loadOverridesAtCursor(db: Database, segment: Segment): Promise<Map<string, Map<number, CycleOverride>>> {
  const rows = await db.execute<{ id: string; cycleIndex: number; kind: CycleOverrideKind; localDate: string | null }>(dsql`
    SELECT o.subscription_id AS id, o.cycle_index AS "cycleIndex", o.kind, o.local_date::text AS "localDate"
    FROM cycle_overrides o JOIN subscriptions s ON s.id = o.subscription_id
    WHERE o.cycle_index >= s.next_cycle_index AND s.status IN ('active', 'paused') AND ${segmentWhere(segment)}`);
  const byId = new Map<string, Map<number, CycleOverride>>();
  for (const r of rows) {
    let map = byId.get(r.id);
    if (!map) byId.set(r.id, (map = new Map()));
    map.set(r.cycleIndex, { cycleIndex: r.cycleIndex, kind: r.kind, localDate: r.localDate });
  }
  return byId;
}

/**
 * "This delivery only" swaps and one-time add-ons at or after each live subscription's cursor,
 * with the product facts generation checks (cycle-lines.ts): one statement, few rows.
 */
async function loadExtrasAtCursor(db: Database, segment: Segment): Promise<Map<string, CycleExtras>> {
  const rows = await db.execute<{
    sid: string;
    idx: number;
    kind: "swap" | "addon";
    pid: string;
    qty: number;
    sellable: boolean;
    pkind: string;
  }>(dsql`
    SELECT x.sid, x.idx, x.kind, x.pid, x.qty, p.sellable, p.kind::text AS pkind FROM (
      SELECT w.subscription_id AS sid, w.cycle_index AS idx, 'swap' AS kind, w.product_id AS pid, 0 AS qty, w.created_at AS at FROM cycle_swaps w
      UNION ALL
      SELECT a.subscription_id, a.cycle_index, 'addon', a.product_id, a.quantity, a.created_at FROM cycle_addons a
    ) x JOIN subscriptions s ON s.id = x.sid JOIN products p ON p.id = x.pid
    WHERE x.idx >= s.next_cycle_index AND s.status IN ('active', 'paused') AND ${segmentWhere(segment)}
    ORDER BY x.sid, x.idx, x.at, x.pid`);
  const byId = new Map<string, { swaps: Map<number, CycleProduct>; addons: Map<number, CycleAddon[]> }>();
  for (const r of rows) {
    let e = byId.get(r.sid);
    if (!e) byId.set(r.sid, (e = { swaps: new Map(), addons: new Map() }));
    const product = { productId: r.pid, sellable: r.sellable, kind: r.pkind };
    if (r.kind === "swap") e.swaps.set(r.idx, product);
    else e.addons.set(r.idx, [...(e.addons.get(r.idx) ?? []), { ...product, quantity: r.qty }]);
  }
  return byId;
}

function parseRow(
  r: string,
  overrides: ReadonlyMap<string, ReadonlyMap<number, CycleOverride>>,
  extras: ReadonlyMap<string, CycleExtras>,
): BookSubscription {
  const f = r.split("|");
  const id = f[0]!;
  const extra = extras.get(id);
  return {
    ...(extra ? { extras: extra } : {}),
    id,
    customerId: f[1]!,
    productId: f[2]!,
    quantity: Number(f[3]),
    frequency: f[4] as Frequency,
    anchorDate: f[5]!,
    anchorIndex: Number(f[6]),
    localTime: f[7]!,
    timeZone: f[8]!,
    endKind: f[9] as EndKind,
    endCycles: f[10] === "" ? null : Number(f[10]),
    endDate: f[11] === "" ? null : f[11]!,
    nextCycleIndex: Number(f[12]),
    nextRunAt: f[13] === "" ? null : new Date(Number(f[13])),
    status: f[14] as BookSubscription["status"],
    pausedUntil: f[15] === "" ? null : f[15]!,
    productSellable: f[16] === "t" || f[16] === "true",
    productKind: f[17]!,
    overrides: overrides.get(id) ?? NO_OVERRIDES,
    ...(f[18] && Number(f[19]) > 0 ? { discount: { percent: Number(f[18]), ordersLeft: Number(f[19]) } } : {}),
  };
}

/** Active program enrollments with their opt-outs (one statement; the program book is small). */
export async function loadEnrollmentsForForecast(db: Database): Promise<BookEnrollment[]> {
  const rows = await db.execute<{
    subscriptionId: string;
    customerId: string;
    programId: string;
    revision: number;
    quantity: number;
    nextRunAt: number | null;
    frequency: BookEnrollment["clock"]["frequency"];
    localTime: string;
    timeZone: string;
    state: SubscriberState;
    billingPlan: BillingPlan;
    optOuts: number[] | null;
  }>(dsql`
    SELECT e.subscription_id AS "subscriptionId", e.customer_id AS "customerId", e.program_id AS "programId", e.revision,
      s.quantity, (extract(epoch FROM s.next_run_at) * 1000)::float8 AS "nextRunAt", s.frequency::text AS frequency, s.local_time AS "localTime", s.time_zone AS "timeZone",
      e.state, e.billing_plan AS "billingPlan",
      (SELECT array_agg(x.shipment_index) FROM program_opt_outs x WHERE x.subscription_id = e.subscription_id) AS "optOuts"
    FROM program_enrollments e JOIN subscriptions s ON s.id = e.subscription_id
    WHERE s.status = 'active'`);
  return rows.map((r) => ({
    subscriptionId: r.subscriptionId,
    customerId: r.customerId,
    programId: r.programId,
    revision: r.revision,
    quantity: r.quantity,
    nextRunAt: r.nextRunAt === null ? null : new Date(r.nextRunAt),
    clock: { frequency: r.frequency, localTime: r.localTime, timeZone: r.timeZone },
    state: r.state,
    billingPlan: r.billingPlan,
    optOuts: r.optOuts && r.optOuts.length > 0 ? new Set(r.optOuts) : NO_OPT_OUTS,
  }));
}

/** Products with stock, and the programs (published revisions + live substitutions) enrollments follow. */
export async function loadForecastCatalog(db: Database, enrollments: readonly BookEnrollment[]): Promise<ForecastCatalog> {
  const rows = await db.execute<{ id: string; sku: string; name: string; priceMinor: number; onHand: number; reserved: number; kind: string }>(dsql`
    SELECT p.id, p.sku, p.name, p.price_minor AS "priceMinor", p.kind::text AS kind,
      COALESCE(i.on_hand, 0)::int AS "onHand", COALESCE(i.reserved, 0)::int AS reserved
    FROM products p LEFT JOIN inventory i ON i.product_id = p.id`);
  const products = new Map<string, BookProduct>();
  const phantoms = new Set<string>();
  for (const { kind, ...p } of rows) {
    products.set(p.id, p);
    if (kind === "phantom") phantoms.add(p.id);
  }
  const programs = await loadPrograms(db, enrollments);
  return { products, programs, isPhantom: (id) => phantoms.has(id) };
}
