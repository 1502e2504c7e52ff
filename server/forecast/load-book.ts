import "server-only";
import { sql as dsql } from "drizzle-orm";
import type postgres from "postgres";
import type { Database } from "@/db/client";
import { loadPrograms } from "@/server/continuity/load-program";
import type { BillingPlan, SubscriberState } from "@/server/continuity/model";
import type { CycleOverride } from "@/server/generation/plan-cycle";
import type { CycleOverrideKind } from "@/server/subscriptions/subscription-status";
import { NO_OPT_OUTS, NO_OVERRIDES, type BookEnrollment, type BookProduct, type BookSubscription, type ForecastCatalog, type Segment } from "./model";

/** Rows per fetch of the streamed read: bounds memory at 1M subscriptions. */
const CHUNK = 10_000;

type SubscriptionRow = Omit<BookSubscription, "overrides" | "nextRunAt"> & {
  /** Epoch milliseconds (the driver would hand a timestamp back as text). */
  nextRunAt: number | null;
  overrides: Array<[number, CycleOverrideKind, string | null]> | null;
};

/**
 * Every subscription that can still produce an order (active, or paused), with its cycle
 * overrides at or after the cursor, in ONE set-based statement read through a cursor: chunks of
 * 10k rows, so a 1M book never sits in memory at once. Program subscriptions are excluded
 * (their orders come from their enrollment, loadEnrollmentsForForecast). The segment's
 * customer, subscription, frequency and zone filters are applied in SQL.
 */
export async function* streamSubscriptions(db: Database, segment: Segment = {}): AsyncGenerator<BookSubscription[]> {
  // drizzle keeps the postgres.js client on every database it returns; its cursor streams rows.
  const sql = (db as unknown as { $client: postgres.Sql }).$client;
  const rows = sql<SubscriptionRow[]>`
    WITH o AS (
      SELECT o.subscription_id, json_agg(json_build_array(o.cycle_index, o.kind, o.local_date::text)) AS overrides
      FROM cycle_overrides o JOIN subscriptions s ON s.id = o.subscription_id
      WHERE o.cycle_index >= s.next_cycle_index AND s.status IN ('active', 'paused')
      GROUP BY o.subscription_id
    )
    SELECT s.id, s.customer_id AS "customerId", s.product_id AS "productId", s.quantity, s.frequency::text AS frequency,
      s.anchor_date::text AS "anchorDate", s.anchor_index AS "anchorIndex", s.local_time AS "localTime", s.time_zone AS "timeZone",
      s.end_kind::text AS "endKind", s.end_cycles AS "endCycles", s.end_date::text AS "endDate", s.next_cycle_index AS "nextCycleIndex",
      (extract(epoch FROM s.next_run_at) * 1000)::float8 AS "nextRunAt", s.status::text AS status, s.paused_until::text AS "pausedUntil",
      p.sellable AS "productSellable", p.kind::text AS "productKind", o.overrides
    FROM subscriptions s JOIN products p ON p.id = s.product_id LEFT JOIN o ON o.subscription_id = s.id
    WHERE s.status IN ('active', 'paused') AND p.kind <> 'program'
      AND (${segment.customerId ?? null}::uuid IS NULL OR s.customer_id = ${segment.customerId ?? null}::uuid)
      AND (${segment.subscriptionId ?? null}::uuid IS NULL OR s.id = ${segment.subscriptionId ?? null}::uuid)
      AND (${segment.frequency ?? null}::text IS NULL OR s.frequency::text = ${segment.frequency ?? null}::text)
      AND (${segment.timeZone ?? null}::text IS NULL OR s.time_zone = ${segment.timeZone ?? null}::text)`;
  for await (const chunk of rows.cursor(CHUNK)) {
    yield chunk.map(toBookSubscription);
  }
}

function toBookSubscription(row: SubscriptionRow): BookSubscription {
  const list = row.overrides;
  let overrides = NO_OVERRIDES;
  if (list && list.length > 0) {
    const map = new Map<number, CycleOverride>();
    for (const [cycleIndex, kind, localDate] of list) map.set(cycleIndex, { cycleIndex, kind, localDate });
    overrides = map;
  }
  const nextRunAt = row.nextRunAt === null ? null : new Date(row.nextRunAt);
  return Object.assign(row, { overrides, nextRunAt }) as unknown as BookSubscription;
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
