import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { createAdminNotifications } from "@/server/notifications/create-admin-notifications";
import type { SendEmail } from "@/server/notifications/send-email";
import { claimSlaBreaches, type SlaBreach } from "./claim-sla-breaches";

const humanize = (s: number) => (s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`);

/**
 * Claim → send → record, never inside a transaction: claims the SLA breaches (one transaction),
 * then per breach emails every admin and writes their in-app notifications, then records the
 * claim as sent. A failed email leaves the claim unsent, so a later run retries it.
 */
export async function sendSlaAlerts(db: Database, opts: { now: Date; send: SendEmail; appUrl: string }): Promise<{ sent: number; failed: number }> {
  const breaches = await claimSlaBreaches(db, { now: opts.now });
  if (breaches.length === 0) return { sent: 0, failed: 0 };
  const admins = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, "admin"));
  let sent = 0;
  let failed = 0;
  for (const b of breaches) {
    const text = message(b, opts.appUrl);
    try {
      for (const a of admins) await opts.send({ to: a.email, subject: `Order #${b.number} is over its SLA in ${b.label}`, text });
      await createAdminNotifications(
        db,
        admins.map((a) => ({
          userId: a.id,
          kind: "sla_breach",
          title: `Order #${b.number} over SLA in ${b.label}`,
          body: text,
          link: `/orders/${b.orderId}`,
          data: { orderId: b.orderId, state: b.state },
          dedupeKey: `sla:${b.orderId}`,
        })),
        opts.now,
      );
      await db.execute(
        sql`UPDATE workflow_sla_alerts SET sent_at = ${opts.now.toISOString()}::timestamptz WHERE order_id = ${b.orderId}::uuid AND sent_at IS NULL`,
      );
      sent++;
    } catch (e) {
      failed++;
      console.error("sla alert failed", b.orderId, e);
    }
  }
  return { sent, failed };
}

function message(b: SlaBreach, appUrl: string): string {
  return `Order #${b.number} entered "${b.label}" at ${b.enteredAt} and is expected to leave it within ${humanize(b.expectedWithinSeconds)}.\n\nOpen it: ${appUrl}/orders/${b.orderId}`;
}
