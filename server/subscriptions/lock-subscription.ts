import "server-only";
import { and, asc, eq, gte } from "drizzle-orm";
import type { DbOrTx, Transaction } from "@/db/client";
import { cycleOverrides, subscriptions } from "@/db/schema";
import { conflict, notFound } from "../errors/app-error";
import type { CycleOverrideRow } from "./subscription-schedule";
import { isUuid } from "./subscription.schema";
import { canPerform, type CustomerAction, type SubscriptionStatus } from "./subscription-status";

export type SubscriptionRow = typeof subscriptions.$inferSelect;

/** Who changes a subscription: a signed-in customer (filtered by their customer id) or the system. */
export type CustomerActor = { userId: string; customerId: string };

/**
 * Locks the customer's subscription for the rest of the transaction. Another customer's id,
 * an unknown id and a malformed id all look the same: 404, so ids can't be probed.
 * FOR UPDATE (not SKIP LOCKED): a change waits for a generator batch holding the row, then
 * sees what it committed, so it never acts on a stale cursor.
 */
export async function lockOwnedSubscriptionOrThrow(tx: Transaction, customerId: string, id: string): Promise<SubscriptionRow> {
  if (!isUuid(id)) throw notFound("Subscription");
  const [row] = await tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.id, id), eq(subscriptions.customerId, customerId)))
    .for("update");
  if (!row) throw notFound("Subscription");
  return row;
}

const VERBS: Record<CustomerAction, string> = {
  pause: "paused",
  resume: "resumed",
  skip: "skipped",
  unskip: "unskipped",
  reschedule: "rescheduled",
  order_now: "ordered now",
  change: "changed",
  swap: "swapped",
  addon: "given add-ons",
  cancel: "cancelled",
  change_address: "given another address",
  send_delivery_elsewhere: "sent to another address",
};

/** The transition table check (ACTION_FROM); the guarded UPDATE re-checks it in SQL. */
export function assertCan(row: { status: SubscriptionStatus }, action: CustomerAction): void {
  if (!canPerform(row.status, action)) throw conflict(`A ${row.status} subscription can't be ${VERBS[action]}`);
}

/** Overrides of cycles at or after `fromIndex` (older ones no longer affect anything upcoming). */
export async function loadOverrides(db: DbOrTx, subscriptionId: string, fromIndex = 0): Promise<CycleOverrideRow[]> {
  return db
    .select({ cycleIndex: cycleOverrides.cycleIndex, kind: cycleOverrides.kind, localDate: cycleOverrides.localDate })
    .from(cycleOverrides)
    .where(and(eq(cycleOverrides.subscriptionId, subscriptionId), gte(cycleOverrides.cycleIndex, fromIndex)))
    .orderBy(asc(cycleOverrides.cycleIndex));
}
