import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { EmailAction } from "@/db/vocabulary/email-actions";
import { isAppError } from "../errors/app-error";
import type { LocalDate } from "../schedule";
import { delayedDate, isAsAnnounced, loadEmailActionContext, type EmailActionContext } from "./email-action-context";
import { verifyEmailActionToken } from "./email-action-links";
import { orderNow } from "./order-now";
import { rescheduleNext } from "./reschedule-next";
import { skipCycle } from "./skip-cycle";

export type EmailActionResult =
  | { kind: "invalid" }
  | { kind: "expired" }
  /** The delivery is no longer the one the email announced (changed, paused, cancelled or placed). */
  | { kind: "changed"; subscriptionId: string }
  /** Another link of this email was used already (single use), or this one is being carried out. */
  | { kind: "used"; subscriptionId: string; action: EmailAction; outcome: string | null }
  | { kind: "refused"; subscriptionId: string; message: string }
  | { kind: "done"; subscriptionId: string; action: EmailAction; outcome: string };

/** A claim never completed (the process died mid-action) may be taken over after this long. */
const STALE_CLAIM_MS = 2 * 60_000;

/**
 * Carries out a one-click link from a reminder email, as the subscription's customer, without a
 * session: the signed token is the authority. Claim → call → record, never inside one
 * transaction (order-now announces the order; nothing external may run inside a transaction):
 *   1. the link claims its email's row in email_action_uses (one link per email, once);
 *   2. the action runs through the ordinary use-case, which guards and audits it. Each is
 *      idempotent, so a taken-over claim may run it again safely: skip is keyed by the cycle,
 *      the delay targets the announced date + 7 days, order-now carries an idempotency key;
 *   3. the outcome is recorded under a guard. A refusal (e.g. a delay past the following
 *      delivery) releases the claim, so another link of the same email still works.
 */
export async function performEmailAction(db: Database, token: string, now: Date): Promise<EmailActionResult> {
  const verified = verifyEmailActionToken(token, now);
  if (!verified.ok) return { kind: verified.reason };
  const { reminderId, action } = verified.claims;
  const context = await loadEmailActionContext(db, reminderId);
  if (!context) return { kind: "invalid" };
  if (context.use?.completedAt) return used(context);
  if (!context.use && !isAsAnnounced(context)) return { kind: "changed", subscriptionId: context.subscriptionId };

  const [claim] = await db.execute<{ fresh: boolean }>(sql`
    INSERT INTO email_action_uses (reminder_id, action, claimed_at)
    VALUES (${reminderId}, ${action}, ${now.toISOString()}::timestamptz)
    ON CONFLICT (reminder_id) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
    WHERE email_action_uses.completed_at IS NULL AND email_action_uses.action = EXCLUDED.action
      AND email_action_uses.claimed_at < EXCLUDED.claimed_at - make_interval(secs => ${STALE_CLAIM_MS / 1000})
    RETURNING (xmax = 0) AS fresh`);
  if (!claim) return used((await loadEmailActionContext(db, reminderId)) ?? context);

  let outcome: string;
  try {
    outcome = await carryOut(db, context, action, now);
  } catch (e) {
    if (!isAppError(e)) throw e; // the claim stays; the same link takes it over once stale
    await db.execute(sql`
      DELETE FROM email_action_uses
      WHERE reminder_id = ${reminderId} AND completed_at IS NULL AND claimed_at = ${now.toISOString()}::timestamptz`);
    // A field error says why in the customer's terms ("Choose a date before the following delivery …").
    const reason = Object.values(e.fields ?? {})[0] ?? e.userMessage;
    return { kind: "refused", subscriptionId: context.subscriptionId, message: reason };
  }
  await db.execute(sql`
    UPDATE email_action_uses SET completed_at = ${now.toISOString()}::timestamptz, outcome = ${outcome}
    WHERE reminder_id = ${reminderId} AND completed_at IS NULL`);
  return { kind: "done", subscriptionId: context.subscriptionId, action, outcome };
}

async function carryOut(db: Database, c: EmailActionContext, action: EmailAction, now: Date): Promise<string> {
  const actor = { userId: c.userId, customerId: c.customerId };
  switch (action) {
    case "skip": {
      const dto = await skipCycle(db, actor, c.subscriptionId, { cycleIndex: c.cycleIndex }, now);
      return dto.next ? `Skipped. Your next delivery is on ${readable(dto.next.localDate)}.` : "Skipped. No further delivery is scheduled.";
    }
    case "delay_week": {
      const localDate = delayedDate(c);
      await rescheduleNext(db, actor, c.subscriptionId, { localDate, cycleIndex: c.cycleIndex }, now);
      return `Moved to ${readable(localDate)}.`;
    }
    case "order_now": {
      const { orderId } = await orderNow(db, actor, c.subscriptionId, { idempotencyKey: `email-link:${c.reminderId}` }, now);
      return `Order placed (${orderId.slice(0, 8)}). Your scheduled delivery is unchanged.`;
    }
  }
}

function used(c: EmailActionContext): EmailActionResult {
  return { kind: "used", subscriptionId: c.subscriptionId, action: c.use?.action ?? "skip", outcome: c.use?.outcome ?? null };
}

/** "Sunday, March 7, 2027": a local date as the customer reads it (no zone shift: it is already local). */
function readable(date: LocalDate): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}
