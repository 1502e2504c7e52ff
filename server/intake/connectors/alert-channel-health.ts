import "server-only";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, channelConnections, users } from "@/db/schema";
import type { SendEmail } from "../../notifications/send-email";
import { channelHealth } from "../channel-health";

/** A claim older than this belongs to a run that died before recording; the alert may go again. */
const CLAIM_EXPIRES_MS = 10 * 60_000;

/**
 * Emails the admins when a store's health turns bad (quiet, failing, missing webhooks), once per
 * change of status: claim (guarded UPDATE: not already alerted for this status, no live claim)
 * → send (SMTP, no transaction open) → record (status alerted + audit row, guarded on the claim).
 * A failed send releases the claim, so the next run tries again. A store back to ok is reset,
 * so its next problem alerts again. The in-app side is the health panel on /intake and /dashboard.
 */
export async function alertChannelHealth(
  db: Database,
  opts: { now: Date; quietAfterMinutes: number; send: SendEmail; appUrl: string },
): Promise<{ sent: number; recovered: number }> {
  const { now } = opts;
  const stores = await channelHealth(db, { now, quietAfterMinutes: opts.quietAfterMinutes });
  const admins = (await db.select({ email: users.email }).from(users).where(eq(users.role, "admin"))).map((u) => u.email).filter(Boolean) as string[];
  let sent = 0;
  let recovered = 0;
  for (const s of stores) {
    if (s.status === "ok") {
      const reset = await db
        .update(channelConnections)
        .set({ alertKind: null, alertClaimedAt: null })
        .where(and(eq(channelConnections.id, s.connectionId), isNotNull(channelConnections.alertKind)))
        .returning({ id: channelConnections.id });
      recovered += reset.length;
      continue;
    }
    const [claimed] = await db
      .update(channelConnections)
      .set({ alertClaimedAt: now })
      .where(
        and(
          eq(channelConnections.id, s.connectionId),
          sql`${channelConnections.alertKind} IS DISTINCT FROM ${s.status}`,
          or(isNull(channelConnections.alertClaimedAt), lt(channelConnections.alertClaimedAt, new Date(now.getTime() - CLAIM_EXPIRES_MS))),
        ),
      )
      .returning({ id: channelConnections.id });
    if (!claimed || admins.length === 0) {
      if (claimed) await db.update(channelConnections).set({ alertClaimedAt: null }).where(eq(channelConnections.id, s.connectionId));
      continue;
    }
    const subject = `Replen: ${s.name} (${s.channel}) is ${s.status.replace("_", " ")}`;
    const text = `${s.detail ?? s.status}\n\nLast webhook delivery: ${s.lastDeliveryAt ?? "none"}\nLast reconciliation: ${s.lastReconciledAt ?? "never"}\n\n${opts.appUrl}/intake`;
    try {
      for (const to of admins) await opts.send({ to, subject, text });
    } catch {
      await db
        .update(channelConnections)
        .set({ alertClaimedAt: null })
        .where(and(eq(channelConnections.id, s.connectionId), eq(channelConnections.alertClaimedAt, now)));
      continue;
    }
    await db.transaction(async (tx) => {
      await tx
        .update(channelConnections)
        .set({ alertKind: s.status, alertSentAt: now, alertClaimedAt: null })
        .where(and(eq(channelConnections.id, s.connectionId), eq(channelConnections.alertClaimedAt, now)));
      await tx.insert(auditLog).values({
        actorType: "system",
        actorId: "channel-health",
        entityType: "channel_connection",
        entityId: s.connectionId,
        action: "health_alert_sent",
        at: now,
        data: { status: s.status, detail: s.detail, recipients: admins.length },
      });
    });
    sent++;
  }
  return { sent, recovered };
}
