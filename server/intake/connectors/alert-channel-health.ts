import "server-only";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, channelConnections, users } from "@/db/schema";
import { createAdminNotifications } from "../../notifications/create-admin-notifications";
import type { SendEmail } from "../../notifications/send-email";
import { channelHealth } from "../channel-health";

/** A claim older than this belongs to a run that died before recording; the alert may go again. */
const CLAIM_EXPIRES_MS = 10 * 60_000;

/**
 * Emails the admins when a store's health turns bad (quiet, failing, missing webhooks), once per
 * change of status: claim (guarded UPDATE: not already alerted for this status, no live claim)
 * → send (SMTP, no transaction open) → record (status alerted + audit row, guarded on the claim).
 * A failed send releases the claim, so the next run tries again. A store back to ok is reset,
 * so its next problem alerts again. The record step also writes each admin's in-app notification
 * (the header bell), in the same transaction, keyed on the store, status and claim: one alert is
 * one notification, and a record that loses its claim writes none.
 */
export async function alertChannelHealth(
  db: Database,
  opts: { now: Date; quietAfterMinutes: number; send: SendEmail; appUrl: string },
): Promise<{ sent: number; recovered: number }> {
  const { now } = opts;
  const stores = await channelHealth(db, { now, quietAfterMinutes: opts.quietAfterMinutes });
  const adminRows = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, "admin"));
  const admins = adminRows.map((u) => u.email).filter(Boolean);
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
      const recorded = await tx
        .update(channelConnections)
        .set({ alertKind: s.status, alertSentAt: now, alertClaimedAt: null })
        .where(and(eq(channelConnections.id, s.connectionId), eq(channelConnections.alertClaimedAt, now)))
        .returning({ id: channelConnections.id });
      if (recorded.length > 0) {
        await createAdminNotifications(
          tx,
          adminRows.map((a) => ({
            userId: a.id,
            kind: "channel_health",
            title: subject.replace(/^Replen: /, ""),
            body: s.detail ?? s.status,
            link: "/intake",
            data: { connectionId: s.connectionId, status: s.status },
            dedupeKey: `channel-health:${s.connectionId}:${s.status}:${now.toISOString()}`,
          })),
          now,
        );
      }
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
