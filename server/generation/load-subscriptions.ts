import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { CycleOverrideKind } from "@/server/subscriptions/subscription-status";
import { pgArray } from "@/server/lib/pg-array";
import type { CycleAddon, CycleExtras, CycleProduct } from "./cycle-lines";
import type { CycleOverride, ScheduleRow } from "./plan-cycle";

/** A subscription as generation sees it: schedule, cursor, and whether its product can be ordered. */
export interface GenerationRow extends ScheduleRow {
  id: string;
  customerId: string;
  productId: string;
  quantity: number;
  addressId: string | null;
  failureCount: number;
  productSellable: boolean;
  productKind: string;
  /** An accepted save offer's percentage off the next orders (null = none left). */
  discountPercent: number | null;
}

// Aliased to the row's own property names, so rows come back ready to use (no re-mapping per row).
const COLUMNS = sql`s.id, s.customer_id AS "customerId", s.product_id AS "productId", s.quantity,
  s.address_id AS "addressId", s.frequency, s.anchor_date::text AS "anchorDate", s.anchor_index AS "anchorIndex",
  s.local_time AS "localTime", s.time_zone AS "timeZone", s.end_kind AS "endKind", s.end_cycles AS "endCycles",
  s.end_date::text AS "endDate", s.next_cycle_index AS "nextCycleIndex", s.failure_count AS "failureCount",
  p.sellable AS "productSellable", p.kind AS "productKind", s.discount_percent AS "discountPercent"`;

/**
 * Claims up to `limit` active subscriptions due at `now`, oldest first, locking them for the
 * caller's transaction. SKIP LOCKED: rows another generator (or a cancel/pause in flight)
 * holds are left to it, so concurrent generators never wait on or duplicate each other.
 * FOR NO KEY UPDATE is the lock an UPDATE of non-key columns takes: it excludes every other
 * writer of the row but not foreign-key checks (KEY SHARE) of rows referencing it.
 * Served by the partial index subscriptions_due_idx (next_run_at WHERE status = 'active').
 */
export async function claimDueSubscriptions(tx: DbOrTx, now: Date, limit: number): Promise<GenerationRow[]> {
  return select(
    tx,
    sql`
    SELECT ${COLUMNS} FROM subscriptions s JOIN products p ON p.id = s.product_id
    WHERE s.status = 'active' AND s.next_run_at <= ${now.toISOString()}::timestamptz
    ORDER BY s.next_run_at
    LIMIT ${limit}
    FOR NO KEY UPDATE OF s SKIP LOCKED`,
  );
}

/**
 * Locks the given subscriptions (waiting for other holders) and returns the active ones.
 * Locks in id order, so two callers locking overlapping sets can't deadlock.
 */
export async function lockSubscriptions(tx: DbOrTx, ids: readonly string[]): Promise<GenerationRow[]> {
  if (ids.length === 0) return [];
  return select(
    tx,
    sql`
    SELECT ${COLUMNS} FROM subscriptions s JOIN products p ON p.id = s.product_id
    WHERE s.id = ANY(${pgArray(ids)}::uuid[]) AND s.status = 'active'
    ORDER BY s.id
    FOR NO KEY UPDATE OF s`,
  );
}

/** Overrides at or after each subscription's cursor (earlier ones can no longer matter). */
export async function loadOverrides(tx: DbOrTx, ids: readonly string[]): Promise<Map<string, Map<number, CycleOverride>>> {
  const byId = new Map<string, Map<number, CycleOverride>>();
  if (ids.length === 0) return byId;
  const rows = await tx.execute<{ subscription_id: string; cycle_index: number; kind: CycleOverrideKind; local_date: string | null }>(sql`
    SELECT o.subscription_id, o.cycle_index, o.kind, o.local_date::text AS local_date
    FROM cycle_overrides o JOIN subscriptions s ON s.id = o.subscription_id
    WHERE o.subscription_id = ANY(${pgArray(ids)}::uuid[]) AND o.cycle_index >= s.next_cycle_index`);
  for (const r of rows) {
    let map = byId.get(r.subscription_id);
    if (!map) byId.set(r.subscription_id, (map = new Map()));
    map.set(r.cycle_index, { cycleIndex: r.cycle_index, kind: r.kind, localDate: r.local_date });
  }
  return byId;
}

async function select(tx: DbOrTx, query: SQL): Promise<GenerationRow[]> {
  return [...(await tx.execute<GenerationRow & Record<string, unknown>>(query))];
}

/**
 * Per-cycle swaps and one-time add-ons at or after each subscription's cursor, with the facts
 * generation checks about their products: one statement per batch, like loadOverrides.
 */
export async function loadCycleExtras(tx: DbOrTx, ids: readonly string[]): Promise<Map<string, CycleExtras>> {
  const byId = new Map<string, { swaps: Map<number, CycleProduct>; addons: Map<number, CycleAddon[]> }>();
  if (ids.length === 0) return byId;
  const rows = await tx.execute<{ sid: string; idx: number; kind: "swap" | "addon"; pid: string; qty: number; sellable: boolean; pkind: string }>(sql`
    SELECT x.sid, x.idx, x.kind, x.pid, x.qty, p.sellable, p.kind::text AS pkind FROM (
      SELECT w.subscription_id AS sid, w.cycle_index AS idx, 'swap' AS kind, w.product_id AS pid, 0 AS qty, w.created_at AS at
      FROM cycle_swaps w WHERE w.subscription_id = ANY(${pgArray(ids)}::uuid[])
      UNION ALL
      SELECT a.subscription_id, a.cycle_index, 'addon', a.product_id, a.quantity, a.created_at
      FROM cycle_addons a WHERE a.subscription_id = ANY(${pgArray(ids)}::uuid[])
    ) x JOIN subscriptions s ON s.id = x.sid JOIN products p ON p.id = x.pid
    WHERE x.idx >= s.next_cycle_index
    ORDER BY x.sid, x.idx, x.at, x.pid`);
  for (const r of rows) {
    let e = byId.get(r.sid);
    if (!e) byId.set(r.sid, (e = { swaps: new Map(), addons: new Map() }));
    const product = { productId: r.pid, sellable: r.sellable, kind: r.pkind };
    if (r.kind === "swap") e.swaps.set(r.idx, product);
    else {
      const list = e.addons.get(r.idx) ?? [];
      list.push({ ...product, quantity: r.qty });
      e.addons.set(r.idx, list);
    }
  }
  return byId;
}
