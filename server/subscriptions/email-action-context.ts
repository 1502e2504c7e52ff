import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { customers, emailActionUses, products, reminders, subscriptions } from "@/db/schema";
import type { EmailAction } from "@/db/vocabulary/email-actions";
import { addDays, toLocalDate, type LocalDate } from "../schedule";

/** Everything a one-click link needs to know about its email, read in one query. */
export interface EmailActionContext {
  reminderId: string;
  cycleIndex: number;
  /** The delivery instant the email announced. */
  dueAt: Date;
  subscriptionId: string;
  customerId: string;
  userId: string;
  status: string;
  nextCycleIndex: number;
  nextRunAt: Date | null;
  timeZone: string;
  productName: string;
  quantity: number;
  use: { action: EmailAction; claimedAt: Date; completedAt: Date | null; outcome: string | null } | null;
}

export async function loadEmailActionContext(db: DbOrTx, reminderId: string): Promise<EmailActionContext | null> {
  const [row] = await db
    .select({
      reminderId: reminders.id,
      cycleIndex: reminders.cycleIndex,
      dueAt: reminders.dueAt,
      subscriptionId: subscriptions.id,
      customerId: subscriptions.customerId,
      userId: customers.userId,
      status: subscriptions.status,
      nextCycleIndex: subscriptions.nextCycleIndex,
      nextRunAt: subscriptions.nextRunAt,
      timeZone: subscriptions.timeZone,
      productName: products.name,
      quantity: subscriptions.quantity,
      useAction: emailActionUses.action,
      useClaimedAt: emailActionUses.claimedAt,
      useCompletedAt: emailActionUses.completedAt,
      useOutcome: emailActionUses.outcome,
    })
    .from(reminders)
    .innerJoin(subscriptions, eq(subscriptions.id, reminders.subscriptionId))
    .innerJoin(customers, eq(customers.id, subscriptions.customerId))
    .innerJoin(products, eq(products.id, subscriptions.productId))
    .leftJoin(emailActionUses, eq(emailActionUses.reminderId, reminders.id))
    .where(eq(reminders.id, reminderId));
  if (!row || !row.userId) return null;
  const { useAction, useClaimedAt, useCompletedAt, useOutcome, userId, ...rest } = row;
  return {
    ...rest,
    userId,
    use: useAction && useClaimedAt ? { action: useAction, claimedAt: useClaimedAt, completedAt: useCompletedAt, outcome: useOutcome } : null,
  };
}

/**
 * Still the delivery the email announced? The subscription is active and its next delivery is
 * the same cycle at the same instant. If the customer changed anything since (skipped in the
 * portal, moved the date, paused), the link no longer applies: it never guesses.
 */
export function isAsAnnounced(c: EmailActionContext): boolean {
  return c.status === "active" && c.nextCycleIndex === c.cycleIndex && c.nextRunAt?.getTime() === c.dueAt.getTime();
}

/** "Delay one week" moves the announced delivery, not whatever date it has now: retries land on the same day. */
export function delayedDate(c: Pick<EmailActionContext, "dueAt" | "timeZone">): LocalDate {
  return addDays(toLocalDate(c.dueAt, c.timeZone), 7);
}
