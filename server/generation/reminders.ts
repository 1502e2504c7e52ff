import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { env } from "@/server/env";
import { createNotifications } from "@/server/notifications/create-notification";
import { reminderEmail, reminderNotification } from "@/server/notifications/reminder-message";
import { emailActionLinks } from "@/server/subscriptions/email-action-links";
import { sendEmail as defaultSend, type SendEmail } from "@/server/notifications/send-email";

/**
 * Reminder rule (docs/generation.md): once per cycle, when an active subscription's next run
 * is within `leadDays` × 24 h (and still in the future), the customer gets an in-app
 * notification and an email with links to skip or edit. Skipped / opted-out cycles get none.
 *
 * Exactly once: the reminder row (unique subscription_id, cycle_index) and the notification
 * are inserted in one transaction and only for rows this call inserted, so concurrent runs
 * can't both notify. Email goes out after commit (sendReminderEmails).
 */
export async function createDueReminders(db: Database, opts: { now: Date; leadDays?: number; limit?: number }): Promise<number> {
  const leadDays = opts.leadDays ?? env().REMINDER_LEAD_DAYS;
  const horizon = new Date(opts.now.getTime() + leadDays * 86_400_000);
  return db.transaction(async (tx) => {
    const rows = await tx.execute<{
      subscription_id: string;
      customer_id: string;
      cycle_index: number;
      due_at: string;
      time_zone: string;
      product_name: string;
      quantity: number;
    }>(sql`
      WITH due AS (
        SELECT s.id, s.customer_id, s.next_cycle_index, s.next_run_at, s.time_zone, s.quantity, p.name AS product_name
        FROM subscriptions s JOIN products p ON p.id = s.product_id
        WHERE s.status = 'active'
          AND s.next_run_at > ${opts.now.toISOString()}::timestamptz AND s.next_run_at <= ${horizon.toISOString()}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.subscription_id = s.id AND r.cycle_index = s.next_cycle_index)
          AND NOT EXISTS (SELECT 1 FROM cycle_overrides o WHERE o.subscription_id = s.id
                          AND o.cycle_index = s.next_cycle_index AND o.kind IN ('skip', 'opt_out'))
        ORDER BY s.next_run_at
        LIMIT ${opts.limit ?? 5000}
      ), ins AS (
        INSERT INTO reminders (subscription_id, cycle_index, due_at)
        SELECT id, next_cycle_index, next_run_at FROM due
        ON CONFLICT ON CONSTRAINT reminders_once DO NOTHING
        RETURNING subscription_id, cycle_index, due_at
      )
      SELECT ins.subscription_id, due.customer_id, ins.cycle_index, ins.due_at::text AS due_at, due.time_zone, due.product_name, due.quantity
      FROM ins JOIN due ON due.id = ins.subscription_id`);
    await createNotifications(
      tx,
      rows.map((r) => {
        const facts = {
          subscriptionId: r.subscription_id,
          productName: r.product_name,
          quantity: r.quantity,
          dueAt: new Date(r.due_at),
          timeZone: r.time_zone,
        };
        return {
          customerId: r.customer_id,
          kind: "reminder",
          ...reminderNotification(facts),
          data: { subscriptionId: r.subscription_id, cycleIndex: r.cycle_index, dueAt: facts.dueAt.toISOString() },
        };
      }),
    );
    return rows.length;
  });
}

type PendingEmail = {
  id: string;
  subscription_id: string;
  due_at: string;
  email: string;
  customer_name: string;
  time_zone: string;
  product_name: string;
  quantity: number;
};

/** A claim older than this is a sender that died between claim and record: take it over. */
const STALE_CLAIM_MINUTES = 5;

/**
 * Sends the reminder emails not sent yet, claim → send → record, with no transaction open
 * while SMTP talks: one statement claims the next relevant reminder (SKIP LOCKED, so
 * concurrent senders split the work; a stale claim is taken over), the message is handed to
 * SMTP, then email_sent_at is set under a guard. A crash between send and record re-sends that
 * one email after the claim goes stale (at-least-once; SMTP offers nothing stronger); nothing
 * is lost. A reminder is only mailed while still relevant: cycle not yet generated or skipped,
 * subscription active.
 */
export async function sendReminderEmails(
  db: Database,
  opts: { now: Date; send?: SendEmail; appUrl?: string; limit?: number },
): Promise<{ sent: number; failed: number }> {
  const send = opts.send ?? defaultSend;
  const appUrl = opts.appUrl ?? env().APP_URL;
  const now = opts.now.toISOString();
  const failedIds: string[] = [];
  let sent = 0;
  for (let i = 0; i < (opts.limit ?? 1000); i++) {
    const [r] = await db.execute<PendingEmail>(sql`
      WITH next AS (
        SELECT r.id FROM reminders r
        JOIN subscriptions s ON s.id = r.subscription_id
        WHERE r.email_sent_at IS NULL AND r.due_at > ${now}::timestamptz
          AND (r.email_claimed_at IS NULL OR r.email_claimed_at < ${now}::timestamptz - make_interval(mins => ${STALE_CLAIM_MINUTES}))
          AND s.status = 'active' AND s.next_cycle_index = r.cycle_index
          AND NOT EXISTS (SELECT 1 FROM cycle_overrides o WHERE o.subscription_id = s.id
                          AND o.cycle_index = r.cycle_index AND o.kind IN ('skip', 'opt_out'))
          AND NOT (r.id = ANY(${`{${failedIds.join(",")}}`}::uuid[]))
        ORDER BY r.due_at
        LIMIT 1
        FOR UPDATE OF r SKIP LOCKED
      ), claimed AS (
        UPDATE reminders r SET email_claimed_at = ${now}::timestamptz FROM next WHERE r.id = next.id
        RETURNING r.id, r.subscription_id, r.due_at
      )
      SELECT c.id, c.subscription_id, c.due_at::text AS due_at, cu.email, cu.name AS customer_name,
             s.time_zone, p.name AS product_name, s.quantity
      FROM claimed c
      JOIN subscriptions s ON s.id = c.subscription_id
      JOIN customers cu ON cu.id = s.customer_id
      JOIN products p ON p.id = s.product_id`);
    if (!r) break;
    const message = reminderEmail({
      subscriptionId: r.subscription_id,
      customerName: r.customer_name,
      productName: r.product_name,
      quantity: r.quantity,
      dueAt: new Date(r.due_at),
      timeZone: r.time_zone,
      appUrl,
      oneClick: emailActionLinks({ id: r.id, dueAt: new Date(r.due_at) }, appUrl),
    });
    try {
      await send({ to: r.email, ...message });
    } catch (e) {
      // Unclaimed again: retried by the next run while the reminder is still relevant.
      console.error(`[reminders] email for reminder ${r.id} failed: ${e instanceof Error ? e.message : String(e)}`);
      failedIds.push(r.id);
      await db.execute(sql`UPDATE reminders SET email_claimed_at = NULL WHERE id = ${r.id} AND email_sent_at IS NULL`);
      continue;
    }
    await db.execute(sql`UPDATE reminders SET email_sent_at = ${now}::timestamptz WHERE id = ${r.id} AND email_sent_at IS NULL`);
    sent++;
  }
  return { sent, failed: failedIds.length };
}

/** Both halves of a reminder run: create what is due, then mail what is unsent. */
export async function runReminders(db: Database, opts: { now: Date; leadDays?: number; send?: SendEmail; appUrl?: string }) {
  const created = await createDueReminders(db, opts);
  const emails = await sendReminderEmails(db, opts);
  return { created, ...emails };
}
