import "server-only";
import type { Transaction } from "@/db/client";
import { pgError } from "@/db/pg-error";
import { generateProgramCycles } from "@/server/continuity/generate-program-cycles";
import { applyCycles, type CycleWrite } from "./apply-cycles";
import { auditSubscriptions, type SubscriptionAuditEntry } from "@/server/subscriptions/transition";
import { cycleLines, NO_EXTRAS } from "./cycle-lines";
import { deliveryKey, loadDeliveryAddresses } from "./load-delivery-addresses";
import { loadCycleExtras, loadOverrides, type GenerationRow } from "./load-subscriptions";
import { planCycle, type CycleOverride, type CyclePlan } from "./plan-cycle";
import { recordFailures, type FailurePolicy, type GenerationFailure } from "./record-failures";

export interface GeneratedOrder {
  orderId: string;
  subscriptionId: string;
  cycleIndex: number;
}

export interface GenerationOutcome {
  orders: GeneratedOrder[];
  /** Cycles handled without an order because the customer skipped / opted out. */
  skipped: number;
  /** Subscriptions whose end condition was reached (status → completed). */
  completed: number;
  /** Subscriptions whose cycle failed (retried later, or auto-paused). */
  failed: number;
  backordered: number;
  autoPaused: string[];
}

const NO_OVERRIDES: ReadonlyMap<number, CycleOverride> = new Map();

/**
 * Generates the next cycle of each subscription in `rows`, which the caller has locked in
 * `tx`. All rows are written set-based inside a savepoint; if that fails on a data error
 * (one bad row must not block the batch), each row is retried in its own savepoint and the
 * ones that still fail are recorded as failures. Transient errors (deadlock, serialization,
 * lost connection) propagate: the whole batch rolls back and is claimed again later.
 */
export async function generateForRows(
  tx: Transaction,
  rows: readonly GenerationRow[],
  now: Date,
  policy?: FailurePolicy,
): Promise<GenerationOutcome> {
  const total = emptyOutcome();
  if (rows.length === 0) return total;
  try {
    return await tx.transaction((sp) => writeCycles(sp, rows, now, policy));
  } catch (e) {
    if (!isIsolatable(e)) throw e;
  }
  const broken: GenerationFailure[] = [];
  for (const row of rows) {
    try {
      merge(total, await tx.transaction((sp) => writeCycles(sp, [row], now, policy)));
    } catch (e) {
      if (!isIsolatable(e)) throw e;
      console.error(`[generation] subscription ${row.id} failed: ${pgError(e)?.message}`);
      broken.push({ ...failureOf(row), reason: "generation_error", detail: pgError(e)?.code });
    }
  }
  total.autoPaused.push(...(await recordFailures(tx, broken, now, policy)));
  total.failed += broken.length;
  return total;
}

async function writeCycles(tx: Transaction, claimed: readonly GenerationRow[], now: Date, policy?: FailurePolicy) {
  // Program subscriptions (parent product kind "program") get child orders resolved from their
  // series, substitutions and lead time by server/continuity, in this same transaction.
  const rows = claimed.filter((r) => r.productKind !== "program");
  const programIds = claimed.filter((r) => r.productKind === "program").map((r) => r.id);
  const program = programIds.length > 0 ? await generateProgramCycles(tx, programIds, now) : null;
  const out = emptyOutcome();
  const ids = rows.map((r) => r.id);
  const overrides = await loadOverrides(tx, ids);
  const extras = await loadCycleExtras(tx, ids);
  const sentElsewhere = await loadDeliveryAddresses(tx, ids);
  const writes: CycleWrite[] = [];
  const missed: SubscriptionAuditEntry[] = [];
  const outcomes: SubscriptionAuditEntry[] = [];
  const failures: GenerationFailure[] = [];

  for (const row of rows) {
    let plan: CyclePlan;
    try {
      plan = planCycle(row, overrides.get(row.id) ?? NO_OVERRIDES, now);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      failures.push({ ...failureOf(row), reason: "invalid_schedule", detail: e.message });
      continue;
    }
    const from = row.nextCycleIndex;
    if (plan.kind === "complete") {
      writes.push({ subscriptionId: row.id, fromIndex: from, toIndex: from, nextRunAt: null, status: "completed", order: null });
      outcomes.push(completedRow(row.id, from - 1, now));
      out.completed++;
      continue;
    }
    let order: CycleWrite["order"] = null;
    if (plan.kind === "order") {
      const base = { productId: row.productId, quantity: row.quantity, sellable: row.productSellable, kind: row.productKind };
      const planned = cycleLines(base, extras.get(row.id) ?? NO_EXTRAS, plan.cycleIndex);
      if (!planned.ok) {
        failures.push({ ...failureOf(row), reason: planned.reason, ...(planned.detail ? { detail: planned.detail } : {}) });
        continue;
      }
      const addons = planned.lines.length - 1;
      order = {
        cycleIndex: plan.cycleIndex,
        runAt: plan.runAt,
        customerId: row.customerId,
        // A one-off "send this delivery elsewhere" wins for its cycle only.
        addressId: sentElsewhere.get(deliveryKey(row.id, plan.cycleIndex)) ?? row.addressId,
        lines: planned.lines,
        discountPercent: row.discountPercent,
        auditData: {
          ...(planned.swapped ? { swappedTo: planned.lines[0]!.productId } : {}),
          ...(addons > 0 ? { addons } : {}),
          ...(planned.droppedAddons.length > 0 ? { droppedAddons: planned.droppedAddons } : {}),
        },
      };
    } else {
      out.skipped++;
      outcomes.push({
        subscriptionId: row.id,
        at: now,
        action: "cycle_skipped",
        data: { cycleIndex: plan.cycleIndex, reason: plan.reason, nextCycleIndex: plan.next?.index, nextRunAt: plan.next?.runAt.toISOString() },
      });
    }
    if (plan.missed) {
      const { from: first, to: lastMissed } = plan.missed;
      missed.push({
        subscriptionId: row.id,
        at: now,
        action: "cycles_missed",
        data: { from: first, to: lastMissed, count: lastMissed - first + 1, handledCycle: plan.cycleIndex },
      });
    }
    writes.push({
      subscriptionId: row.id,
      fromIndex: from,
      toIndex: plan.cycleIndex + 1,
      nextRunAt: plan.next?.runAt ?? null,
      status: plan.next ? "active" : "completed",
      order,
    });
    if (!plan.next) {
      outcomes.push(completedRow(row.id, plan.cycleIndex, now));
      out.completed++;
    }
  }

  await auditSubscriptions(tx, GENERATION, missed);
  const { moved, created } = await applyCycles(tx, writes, now);
  // Rows are locked by this transaction, so the guarded UPDATE must match each of them.
  if (moved !== writes.length) throw new Error(`advanced ${moved} of ${writes.length} locked subscriptions`);
  await auditSubscriptions(tx, GENERATION, outcomes);
  out.autoPaused = await recordFailures(tx, failures, now, policy);
  out.failed = failures.length;
  out.orders = created.map(({ orderId, subscriptionId, cycleIndex }) => ({ orderId, subscriptionId, cycleIndex }));
  out.backordered = created.filter((c) => c.backordered).length;
  if (program) {
    out.orders.push(...program.orders);
    out.skipped += program.skipped;
    out.completed += program.completed;
    out.backordered += program.backordered;
  }
  return out;
}

const GENERATION = { type: "system", id: "generation" } as const;

const completedRow = (subscriptionId: string, lastCycleIndex: number, now: Date): SubscriptionAuditEntry => ({
  subscriptionId,
  at: now,
  action: "completed",
  fromState: "active",
  toState: "completed",
  data: { reason: "end_condition", lastCycleIndex },
});

const failureOf = (row: GenerationRow) => ({ subscriptionId: row.id, customerId: row.customerId, failureCount: row.failureCount });

/**
 * A database error caused by the data (constraint, bad value) can be pinned on a row; a
 * transient one (classes 08 connection, 40 rollback, 53 resources, 57 operator) or a
 * non-database error can't, so those abort the batch instead of blaming subscriptions.
 */
function isIsolatable(e: unknown): boolean {
  const code = pgError(e)?.code;
  return code !== undefined && !["08", "40", "53", "57"].includes(code.slice(0, 2));
}

export function emptyOutcome(): GenerationOutcome {
  return { orders: [], skipped: 0, completed: 0, failed: 0, backordered: 0, autoPaused: [] };
}

export function merge(into: GenerationOutcome, from: GenerationOutcome): GenerationOutcome {
  into.orders.push(...from.orders);
  into.skipped += from.skipped;
  into.completed += from.completed;
  into.failed += from.failed;
  into.backordered += from.backordered;
  into.autoPaused.push(...from.autoPaused);
  return into;
}
