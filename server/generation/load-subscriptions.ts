import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Frequency } from "@/server/schedule";
import type { CycleOverrideKind, EndKind } from "@/server/subscriptions/subscription-status";
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
}

type RawRow = {
  id: string; customer_id: string; product_id: string; quantity: number; address_id: string | null; frequency: Frequency; anchor_date: string; anchor_index: number;
  local_time: string; time_zone: string; end_kind: EndKind; end_cycles: number | null; end_date: string | null;
  next_cycle_index: number; failure_count: number; sellable: boolean; kind: string;
};

const COLUMNS = sql`s.id, s.customer_id, s.product_id, s.quantity, s.address_id, s.frequency, s.anchor_date::text AS anchor_date, s.anchor_index,
  s.local_time, s.time_zone, s.end_kind, s.end_cycles, s.end_date::text AS end_date, s.next_cycle_index,
  s.failure_count, p.sellable, p.kind`;

/**
 * Claims up to `limit` active subscriptions due at `now`, oldest first, locking them for the
 * caller's transaction. SKIP LOCKED: rows another generator (or a cancel/pause in flight)
 * holds are left to it, so concurrent generators never wait on or duplicate each other.
 * FOR NO KEY UPDATE is the lock an UPDATE of non-key columns takes: it excludes every other
 * writer of the row but not foreign-key checks (KEY SHARE) of rows referencing it.
 * Served by the partial index subscriptions_due_idx (next_run_at WHERE status = 'active').
 */
export async function claimDueSubscriptions(tx: DbOrTx, now: Date, limit: number): Promise<GenerationRow[]> {
  return select(tx, sql`
    SELECT ${COLUMNS} FROM subscriptions s JOIN products p ON p.id = s.product_id
    WHERE s.status = 'active' AND s.next_run_at <= ${now.toISOString()}::timestamptz
    ORDER BY s.next_run_at
    LIMIT ${limit}
    FOR NO KEY UPDATE OF s SKIP LOCKED`);
}

/**
 * Locks the given subscriptions (waiting for other holders) and returns the active ones.
 * Locks in id order, so two callers locking overlapping sets can't deadlock.
 */
export async function lockSubscriptions(tx: DbOrTx, ids: readonly string[]): Promise<GenerationRow[]> {
  if (ids.length === 0) return [];
  return select(tx, sql`
    SELECT ${COLUMNS} FROM subscriptions s JOIN products p ON p.id = s.product_id
    WHERE s.id = ANY(${uuidArray(ids)}::uuid[]) AND s.status = 'active'
    ORDER BY s.id
    FOR NO KEY UPDATE OF s`);
}

/** Overrides at or after each subscription's cursor (earlier ones can no longer matter). */
export async function loadOverrides(tx: DbOrTx, ids: readonly string[]): Promise<Map<string, Map<number, CycleOverride>>> {
  const byId = new Map<string, Map<number, CycleOverride>>();
  if (ids.length === 0) return byId;
  const rows = await tx.execute<{ subscription_id: string; cycle_index: number; kind: CycleOverrideKind; local_date: string | null }>(sql`
    SELECT o.subscription_id, o.cycle_index, o.kind, o.local_date::text AS local_date
    FROM cycle_overrides o JOIN subscriptions s ON s.id = o.subscription_id
    WHERE o.subscription_id = ANY(${uuidArray(ids)}::uuid[]) AND o.cycle_index >= s.next_cycle_index`);
  for (const r of rows) {
    let map = byId.get(r.subscription_id);
    if (!map) byId.set(r.subscription_id, (map = new Map()));
    map.set(r.cycle_index, { cycleIndex: r.cycle_index, kind: r.kind, localDate: r.local_date });
  }
  return byId;
}

/** A uuid[] literal passed as ONE parameter (drizzle would expand a JS array into N params). */
export function uuidArray(ids: readonly string[]): string {
  // Checked so that a stray comma or brace can't smuggle extra elements into the literal.
  for (const id of ids) if (!UUID_RE.test(id)) throw new RangeError(`not a uuid: ${JSON.stringify(id)}`);
  return `{${ids.join(",")}}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function select(tx: DbOrTx, query: SQL): Promise<GenerationRow[]> {
  const rows = await tx.execute<RawRow>(query);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    productId: r.product_id,
    quantity: r.quantity,
    addressId: r.address_id,
    frequency: r.frequency,
    anchorDate: r.anchor_date,
    anchorIndex: r.anchor_index,
    localTime: r.local_time,
    timeZone: r.time_zone,
    endKind: r.end_kind,
    endCycles: r.end_cycles,
    endDate: r.end_date,
    nextCycleIndex: r.next_cycle_index,
    failureCount: r.failure_count,
    productSellable: r.sellable,
    productKind: r.kind,
  }));
}
