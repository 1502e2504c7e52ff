import "server-only";
import type { Database, Transaction } from "@/db/client";
import { createNotification } from "@/server/notifications/create-notification";
import { applyTransition } from "./transition";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, lockOwnedSubscriptionOrThrow, type CustomerActor, type SubscriptionRow } from "./lock-subscription";
import type { SubscriptionDto } from "./subscription-dto.schema";

/**
 * active|paused → cancelled, effective at commit. The row lock is taken with FOR UPDATE, so a
 * generator batch holding it finishes first (its order predates the cancel); once this commits,
 * the generator's claim (`status = 'active'`, FOR UPDATE SKIP LOCKED) can never pick the row
 * again, and nextRunAt is cleared. Orders already created are left to their workflow.
 */
export async function cancelSubscription(
  db: Database,
  actor: CustomerActor,
  id: string,
  input: { reason?: string },
  now: Date,
): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    await cancelLocked(tx, row, actor, input, now);
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}

/** The cancel itself, on a row the caller locked in `tx` (exported for the concurrency test). */
export async function cancelLocked(
  tx: Transaction,
  row: SubscriptionRow,
  actor: CustomerActor,
  input: { reason?: string },
  now: Date,
): Promise<SubscriptionRow> {
  assertCan(row, "cancel");
  const cancelled = await applyTransition(tx, {
    row,
    now,
    action: "cancelled",
    actor: { type: "user", userId: actor.userId },
    set: { status: "cancelled", nextRunAt: null, pausedUntil: null, cancelledAt: now },
    data: { reason: input.reason ?? null },
  });
  await createNotification(tx, {
    customerId: row.customerId,
    kind: "subscription_cancelled",
    title: "Subscription cancelled",
    body: "No further orders will be created for this subscription.",
    link: `/subscriptions/${row.id}`,
    data: { subscriptionId: row.id },
  });
  return cancelled;
}
