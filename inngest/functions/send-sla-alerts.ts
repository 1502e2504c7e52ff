import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { sendEmail } from "@/server/notifications/send-email";
import { sendSlaAlerts } from "@/server/workflows/sla/send-sla-alerts";
import { inngest } from "../client";

/** Every minute: orders over their state's SLA alert the admins, once per order (server/workflows/sla). */
export const sendSlaAlertsFunction = inngest.createFunction(
  { id: "send-sla-alerts", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("claim-send-record", () => sendSlaAlerts(getDb(), { now: new Date(), send: sendEmail, appUrl: env().APP_URL })),
);
