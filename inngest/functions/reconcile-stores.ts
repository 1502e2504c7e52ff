import type { Inngest } from "inngest";
import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { sendEmail } from "@/server/notifications/send-email";
import { alertChannelHealth } from "@/server/intake/connectors/alert-channel-health";
import { findDueConnections } from "@/server/intake/connectors/find-due-connections";
import { reconcileConnection } from "@/server/intake/connectors/reconcile-connection";
import { inngest } from "../client";

/**
 * Every minute: each connected store whose interval has passed (default 15 minutes) is
 * reconciled in its own step — orders changed since its watermark are pulled and fed through
 * intake, so a missed webhook becomes an order within one interval (docs/intake.md).
 * The claim in reconcileConnection keeps two runs off the same store. Then the admins are
 * alerted about stores that turned quiet, failing or missing webhooks (alert-channel-health.ts).
 */
export function createReconcileStores(client: Inngest) {
  return client.createFunction({ id: "reconcile-stores", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } }, async ({ step }) => {
    const due = await step.run("find-due-stores", () => findDueConnections(getDb(), { now: new Date() }));
    const results = [];
    for (const id of due) results.push(await step.run(`reconcile-${id}`, () => reconcileConnection(getDb(), id, { now: new Date() })));
    // After the runs, so misses they found alert in the same minute.
    const alerts = await step.run("alert-channel-health", () =>
      alertChannelHealth(getDb(), { now: new Date(), quietAfterMinutes: env().CHANNEL_QUIET_AFTER_MINUTES, send: sendEmail, appUrl: env().APP_URL }),
    );
    return { alerts: alerts.sent, reconciled: results.filter(Boolean).length, missed: results.reduce((n, r) => n + (r?.missed ?? 0), 0) };
  });
}

export const reconcileStores = createReconcileStores(inngest);
