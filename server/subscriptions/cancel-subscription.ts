import "server-only";
import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { customers, products } from "@/db/schema";
import { env } from "@/server/env";
import { createNotification } from "@/server/notifications/create-notification";
import { queueCustomerEmail } from "@/server/notifications/queue-customer-email";
import { sendCustomerEmails } from "@/server/notifications/send-customer-emails";
import type { SendEmail } from "@/server/notifications/send-email";
import { cancelledEmail } from "@/server/notifications/subscription-email-message";
import { applyTransition, auditSubscription } from "./transition";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, lockOwnedSubscriptionOrThrow, type CustomerActor, type SubscriptionRow } from "./lock-subscription";
import type { CancelFlowInput } from "./save-offer.schema";
import type { SubscriptionDto } from "./subscription-dto.schema";

/**
 * active|paused → cancelled, effective at commit, whatever the customer picked (a reason is
 * optional; click-to-cancel: nothing stands between the click and the cancel). The row lock is
 * taken with FOR UPDATE, so a generator batch holding it finishes first (its order predates the
 * cancel); once this commits, the generator's claim (`status = 'active'`, FOR UPDATE SKIP LOCKED)
 * can never pick the row again, and nextRunAt is cleared. Orders already created are left to
 * their workflow. The confirmation email is queued in the transaction and mailed after commit.
 */
export async function cancelSubscription(
  db: Database,
  actor: CustomerActor,
  id: string,
  input: CancelFlowInput,
  now: Date,
  opts: { send?: SendEmail } = {},
): Promise<SubscriptionDto> {
  const emailId = await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    await cancelLocked(tx, row, actor, input, now);
    return queueCancelledEmail(tx, row, now);
  });
  if (emailId) await sendCustomerEmails(db, { now, ids: [emailId], send: opts.send });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}

/** The cancel itself, on a row the caller locked in `tx` (exported for the concurrency test). */
export async function cancelLocked(
  tx: Transaction,
  row: SubscriptionRow,
  actor: CustomerActor,
  input: CancelFlowInput,
  now: Date,
): Promise<SubscriptionRow> {
  assertCan(row, "cancel");
  const who = { type: "user" as const, userId: actor.userId };
  const reason = input.reason ?? null;
  const note = input.note?.trim() || null;
  if (input.declinedOfferId) {
    await auditSubscription(tx, {
      subscriptionId: row.id,
      action: "save_offer_declined",
      actor: who,
      data: { offerId: input.declinedOfferId, reason },
      at: now,
    });
  }
  const cancelled = await applyTransition(tx, {
    row,
    now,
    action: "cancelled",
    actor: who,
    set: { status: "cancelled", nextRunAt: null, pausedUntil: null, cancelledAt: now, cancelReason: reason, cancelNote: note },
    data: { reason, note },
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

/** The facts the cancel-flow emails name: who, which product, where to look. */
export async function emailFactsOf(tx: Transaction, row: SubscriptionRow) {
  const [facts] = await tx
    .select({ customerName: customers.name, productName: products.name })
    .from(customers)
    .innerJoin(products, eq(products.id, row.productId))
    .where(eq(customers.id, row.customerId));
  return { ...facts!, subscriptionUrl: `${env().APP_URL.replace(/\/$/, "")}/subscriptions/${row.id}` };
}

/** A subscription is cancelled once (cancelled is final), so its id keys the one email. */
async function queueCancelledEmail(tx: Transaction, row: SubscriptionRow, now: Date): Promise<string | null> {
  return queueCustomerEmail(
    tx,
    {
      customerId: row.customerId,
      kind: "subscription_cancelled",
      dedupeKey: `subscription_cancelled:${row.id}`,
      ...cancelledEmail(await emailFactsOf(tx, row)),
    },
    now,
  );
}
