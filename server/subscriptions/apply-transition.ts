import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditLog, subscriptions } from "@/db/schema";
import { conflict } from "../errors/app-error";
import type { SubscriptionRow } from "./lock-subscription";
import type { SubscriptionAuditAction } from "./subscription-status";

export type AuditActor = { type: "user"; userId: string } | { type: "system" };

export async function auditSubscription(
  tx: Transaction,
  entry: {
    subscriptionId: string; action: SubscriptionAuditAction; actor: AuditActor;
    fromState: string | null; toState: string | null; data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: entry.actor.type,
    actorId: entry.actor.type === "user" ? entry.actor.userId : null,
    entityType: "subscription",
    entityId: entry.subscriptionId,
    action: entry.action,
    fromState: entry.fromState,
    toState: entry.toState,
    data: entry.data ?? null,
  });
}

/**
 * The one way a subscription changes: UPDATE … WHERE id, owner, status = :from and
 * next_cycle_index = :seen (so a generator that advanced the cursor meanwhile turns this into
 * a conflict instead of a lost update), plus its audit row, in the caller's transaction.
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
  await auditSubscription(tx, { subscriptionId: row.id, action, actor, fromState: row.status, toState: updated.status, data });
  return updated;
}
