import "server-only";
import type { Database, Transaction } from "@/db/client";
import { applyTransition, type AuditActor } from "./transition";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, loadOverrides, lockOwnedSubscriptionOrThrow, type CustomerActor, type SubscriptionRow } from "./lock-subscription";
import { firstShippableCycle } from "./subscription-schedule";
import type { SubscriptionDto } from "./subscription-dto.schema";

/** paused → active by the customer, effective now. */
export async function resumeSubscription(db: Database, actor: CustomerActor, id: string, now: Date): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    assertCan(row, "resume");
    await resumeLocked(tx, row, { resumeAt: now, now, actor: { type: "user", userId: actor.userId } });
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}

/**
 * Resumes a locked, paused row. Cycles dated before `resumeAt` are not made up
 * (docs/schedule.md): the cursor jumps to the first non-skipped cycle at or after it. If the
 * series ended during the pause the subscription is completed instead (paused → completed).
 */
export async function resumeLocked(
  tx: Transaction,
  row: SubscriptionRow,
  { resumeAt, now, actor }: { resumeAt: Date; now: Date; actor: AuditActor },
): Promise<SubscriptionRow> {
  const overrides = await loadOverrides(tx, row.id, row.anchorIndex);
  const next = firstShippableCycle(row, overrides, row.nextCycleIndex, resumeAt);
  const set = next
    ? { status: "active" as const, pausedUntil: null, nextCycleIndex: next.cycleIndex, nextRunAt: next.at }
    : { status: "completed" as const, pausedUntil: null, nextRunAt: null };
  return applyTransition(tx, {
    row,
    now,
    actor,
    action: "resumed",
    set,
    data: {
      resumeAt: resumeAt.toISOString(),
      nextCycleIndex: next?.cycleIndex ?? null,
      // Cycles that fell inside the pause and produce no order.
      notMadeUp: next && next.cycleIndex > row.nextCycleIndex ? { from: row.nextCycleIndex, to: next.cycleIndex - 1 } : null,
    },
  });
}
