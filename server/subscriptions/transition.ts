import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { subscriptions } from "@/db/schema";
import { auditRowsSql, type AuditRowColumns } from "@/server/lib/audit-rows-sql";
import { pgArray } from "@/server/lib/pg-array";
import { conflict } from "../errors/app-error";
import type { SubscriptionRow } from "./lock-subscription";
import type { SubscriptionAuditAction, SubscriptionStatus } from "./subscription-status";

/**
 * The only writer of `subscriptions.status` and its cursor (next_cycle_index, next_run_at,
 * failure_count, paused/cancelled timestamps), and of the subscription audit rows. Every write is
 * guarded in SQL by the state it was planned from; every audit action is one of
 * SUBSCRIPTION_AUDIT_ACTIONS (the type makes a new one a compile error until it is listed).
 * Everything runs in the caller's transaction; `now` is passed in, never SQL now().
 * Transition table: docs/subscriptions.md.
 */
export { SUBSCRIPTION_AUDIT_ACTIONS, type SubscriptionAuditAction } from "./subscription-status";

/** A user, or a system part named by `id` ("generation", "dunning", "continuity"; none = automatic). */
export type AuditActor = { type: "user"; userId: string } | { type: "system"; id?: string };

export interface SubscriptionAuditEntry {
  subscriptionId: string;
  action: SubscriptionAuditAction;
  fromState?: string | null;
  toState?: string | null;
  data?: Record<string, unknown> | null;
  /** When the change took effect: the use-case's `now` (never the database clock). */
  at: Date;
}

/** The columns of a subscription audit row that vary per row; the actor is the statement's. */
type SubscriptionAuditColumns = Omit<AuditRowColumns, "actorType" | "actorId">;

function subscriptionAuditSql(actor: AuditActor, cols: SubscriptionAuditColumns, from: SQL): SQL {
  const actorId = actor.type === "user" ? actor.userId : (actor.id ?? null);
  return auditRowsSql("subscription", { ...cols, actorType: sql`${actor.type}`, actorId: sql`${actorId}::text` }, from);
}

/**
 * Subscription audit rows as a fragment of the caller's one statement (insertOrders composes
 * generation's `cycle_generated` rows into its CTE, one per inserted order, so generation stays
 * one statement per batch). `cols` are SQL over `from`'s rows; the action is typed here.
 */
export function subscriptionAuditRows(
  actor: AuditActor,
  action: SubscriptionAuditAction,
  cols: Omit<SubscriptionAuditColumns, "action">,
  from: SQL,
): SQL {
  return subscriptionAuditSql(actor, { ...cols, action: sql`${action}::text` }, from);
}

/**
 * Subscription audit rows in ONE insert (generation writes one per cycle, so rows travel as a
 * single jsonb parameter rather than 8 parameters each), in input order.
 */
export async function auditSubscriptions(tx: Transaction, actor: AuditActor, entries: readonly SubscriptionAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const input = JSON.stringify(
    entries.map((e) => ({
      entity_id: e.subscriptionId,
      action: e.action,
      from_state: e.fromState ?? null,
      to_state: e.toState ?? null,
      data: e.data ?? null,
      at: e.at.toISOString(),
    })),
  );
  await tx.execute(
    subscriptionAuditSql(
      actor,
      { at: sql`t.at`, entityId: sql`t.entity_id`, action: sql`t.action`, fromState: sql`t.from_state`, toState: sql`t.to_state`, data: sql`t.data` },
      sql`jsonb_to_recordset(${input}::jsonb) AS t(entity_id text, action text, from_state text, to_state text, data jsonb, at timestamptz)`,
    ),
  );
}

export async function auditSubscription(tx: Transaction, entry: SubscriptionAuditEntry & { actor: AuditActor }): Promise<void> {
  const { actor, ...rest } = entry;
  await auditSubscriptions(tx, actor, [rest]);
}

/**
 * One subscription, read (and locked) by the caller as `row`: UPDATE … WHERE id, owner,
 * status = :from and next_cycle_index = :seen (so a generator that advanced the cursor meanwhile
 * turns this into a conflict instead of a lost update), plus its audit row. Zero rows = conflict,
 * and nothing (no audit row either) is written.
 */
export async function applyTransition(
  tx: Transaction,
  change: {
    row: SubscriptionRow;
    set: Partial<typeof subscriptions.$inferInsert>;
    action: SubscriptionAuditAction;
    actor: AuditActor;
    now: Date;
    data?: Record<string, unknown>;
  },
): Promise<SubscriptionRow> {
  const { row, set, action, actor, now, data } = change;
  const [updated] = await tx
    .update(subscriptions)
    .set({ ...set, updatedAt: now })
    .where(
      and(
        eq(subscriptions.id, row.id),
        eq(subscriptions.customerId, row.customerId),
        eq(subscriptions.status, row.status),
        eq(subscriptions.nextCycleIndex, row.nextCycleIndex),
      ),
    )
    .returning();
  if (!updated) throw conflict("This subscription just changed. Reload and try again.");
  await auditSubscription(tx, { subscriptionId: row.id, action, actor, fromState: row.status, toState: updated.status, data, at: now });
  return updated;
}

/**
 * Set-based status change: every subscription in `ids` still in `from` moves to `to` (plus the
 * same `set` columns for all), with one audit row each. Rows no longer in `from` are left alone
 * and get no audit row. Returns the ids that moved.
 */
export async function transitionMany(
  tx: Transaction,
  change: {
    ids: readonly string[];
    from: SubscriptionStatus;
    to: SubscriptionStatus;
    set?: Pick<Partial<typeof subscriptions.$inferInsert>, "pausedUntil" | "cancelledAt" | "nextRunAt">;
    action: SubscriptionAuditAction;
    actor: AuditActor;
    now: Date;
    data?: (subscriptionId: string) => Record<string, unknown>;
  },
): Promise<string[]> {
  const { ids, from, to, set, action, actor, now, data } = change;
  if (ids.length === 0) return [];
  const moved = await tx
    .update(subscriptions)
    .set({ ...set, status: to, updatedAt: now })
    .where(and(sql`${subscriptions.id} = ANY(${pgArray(ids)}::uuid[])`, eq(subscriptions.status, from)))
    .returning({ id: subscriptions.id });
  await auditSubscriptions(
    tx,
    actor,
    moved.map(({ id }) => ({
      subscriptionId: id,
      action,
      fromState: from,
      toState: to,
      data: data?.(id) ?? null,
      at: now,
    })),
  );
  return moved.map((m) => m.id);
}

/** A generator's move of one subscription's cursor (see advanceCursors). */
export interface CursorMove {
  subscriptionId: string;
  /** The cursor the move was planned from; the UPDATE is guarded by it. */
  fromIndex: number;
  toIndex: number;
  nextRunAt: Date | null;
  /** "completed" when the end condition is reached (active → completed). */
  status: "active" | "completed";
}

/**
 * Moves generators' cursors in ONE statement: each row still active at `fromIndex` gets the new
 * index, next run and status, and its failure streak reset (a success ends it). No audit rows:
 * the generator audits what it created. Returns how many moved; the caller holds the rows'
 * locks, so fewer than `moves.length` means someone bypassed them.
 */
export async function advanceCursors(tx: Transaction, moves: readonly CursorMove[], now: Date): Promise<number> {
  if (moves.length === 0) return 0;
  const col = <T extends string | number | null>(pick: (m: CursorMove) => T) => pgArray(moves.map(pick));
  const [row] = await tx.execute<{ n: number }>(sql`
    WITH moved AS (
      UPDATE subscriptions s
      SET next_cycle_index = i.to_index, next_run_at = i.next_run_at, status = i.status, failure_count = 0,
          updated_at = ${now.toISOString()}::timestamptz
      FROM unnest(${col((m) => m.subscriptionId)}::uuid[], ${col((m) => m.fromIndex)}::int[], ${col((m) => m.toIndex)}::int[],
                  ${col((m) => m.nextRunAt?.toISOString() ?? null)}::timestamptz[], ${col((m) => m.status)}::subscription_status[])
        AS i(subscription_id, from_index, to_index, next_run_at, status)
      WHERE s.id = i.subscription_id AND s.status = 'active' AND s.next_cycle_index = i.from_index
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM moved`);
  return row?.n ?? 0;
}

/**
 * New next runs for active subscriptions whose cursor stays (a program moved to a new revision
 * recomputes its next occasion), in one statement. Returns how many moved.
 */
export async function rescheduleRuns(tx: Transaction, runs: ReadonlyArray<{ subscriptionId: string; nextRunAt: Date }>, now: Date): Promise<number> {
  if (runs.length === 0) return 0;
  const [row] = await tx.execute<{ n: number }>(sql`
    WITH moved AS (
      UPDATE subscriptions s SET next_run_at = i.next_run_at, updated_at = ${now.toISOString()}::timestamptz
      FROM unnest(${pgArray(runs.map((r) => r.subscriptionId))}::uuid[], ${pgArray(runs.map((r) => r.nextRunAt.toISOString()))}::timestamptz[])
        AS i(subscription_id, next_run_at)
      WHERE s.id = i.subscription_id AND s.status = 'active'
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM moved`);
  return row?.n ?? 0;
}

/** One failed generation of an active subscription (see recordFailureStreaks). */
export interface FailureStreak {
  subscriptionId: string;
  /** The streak including this failure. */
  failureCount: number;
  /** true: active → paused (next_run_at kept for the resume); false: retried at `retryAt`. */
  pause: boolean;
  retryAt: Date | null;
  /** The `generation_failed` audit row's data. */
  failed: Record<string, unknown>;
  /** The `auto_paused` audit row's data (when pausing). */
  paused?: Record<string, unknown>;
}

/**
 * Generation failures in ONE statement: each still-active subscription gets its streak and
 * either a retry time or active → paused; audit rows `generation_failed` (+ `auto_paused`) for
 * the rows that moved. Returns the ids that were paused.
 */
export async function recordFailureStreaks(tx: Transaction, streaks: readonly FailureStreak[], now: Date): Promise<string[]> {
  if (streaks.length === 0) return [];
  const col = <T extends string | number | boolean | null>(pick: (f: FailureStreak) => T) => pgArray(streaks.map(pick));
  const rows = await tx.execute<{ id: string }>(sql`
    UPDATE subscriptions s
    SET failure_count = v.count, updated_at = ${now.toISOString()}::timestamptz,
        status = CASE WHEN v.pause THEN 'paused'::subscription_status ELSE s.status END,
        next_run_at = CASE WHEN v.pause THEN s.next_run_at ELSE v.retry_at END
    FROM unnest(${col((f) => f.subscriptionId)}::uuid[], ${col((f) => f.failureCount)}::int[], ${col((f) => f.pause)}::boolean[],
                ${col((f) => f.retryAt?.toISOString() ?? null)}::timestamptz[]) AS v(id, count, pause, retry_at)
    WHERE s.id = v.id AND s.status = 'active'
    RETURNING s.id`);
  const moved = new Set(rows.map((r) => r.id));
  const done = streaks.filter((f) => moved.has(f.subscriptionId));
  await auditSubscriptions(
    tx,
    { type: "system", id: "generation" },
    done.flatMap((f): SubscriptionAuditEntry[] => [
      { subscriptionId: f.subscriptionId, action: "generation_failed", data: f.failed, at: now },
      ...(f.pause
        ? [
            {
              subscriptionId: f.subscriptionId,
              action: "auto_paused" as const,
              fromState: "active",
              toState: "paused",
              data: f.paused ?? null,
              at: now,
            },
          ]
        : []),
    ]),
  );
  return done.filter((f) => f.pause).map((f) => f.subscriptionId);
}

/**
 * Counts down accepted save-offer discounts, as generation moves the cursors of the cycles
 * that used them (it lives here because every generation-time write of a subscription does):
 * each subscription in `ids` had one discounted order created in this transaction (generation
 * passes only orders actually inserted, so a replayed cycle counts nothing). One statement for
 * the batch; the last use clears the percentage (subscriptions_discount_coherent). Returns how
 * many rows counted down.
 */
export async function consumeDiscounts(tx: Transaction, ids: readonly string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await tx.execute<{ n: number }>(sql`
    WITH used AS (
      UPDATE subscriptions
      SET discount_orders_left = discount_orders_left - 1,
          discount_percent = CASE WHEN discount_orders_left = 1 THEN NULL ELSE discount_percent END,
          updated_at = ${now.toISOString()}::timestamptz
      WHERE id = ANY(${pgArray(ids)}::uuid[]) AND discount_orders_left > 0
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM used`);
  return row?.n ?? 0;
}
