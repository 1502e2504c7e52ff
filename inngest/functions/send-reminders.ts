import { getDb } from "@/db/client";
import { createDueReminders, sendReminderEmails } from "@/server/generation/reminders";
import { sendCustomerEmails } from "@/server/notifications/send-customer-emails";
import { inngest } from "../client";

/**
 * Every 5 minutes: record reminders for cycles entering their reminder window (row + in-app
 * notification, exactly once), then email the ones not mailed yet. Two steps, so a failing
 * SMTP server retries only the sending; the reminder rows are already safe in Postgres. A third
 * step sweeps the customer-email outbox (cancel / save-offer confirmations whose send after
 * commit failed or never ran).
 */
export const sendReminders = inngest.createFunction(
  { id: "send-reminders", triggers: [{ cron: "*/5 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const created = await step.run("create-due-reminders", () => createDueReminders(getDb(), { now: new Date() }));
    const emails = await step.run("send-reminder-emails", () => sendReminderEmails(getDb(), { now: new Date() }));
    const confirmations = await step.run("send-customer-emails", () => sendCustomerEmails(getDb(), { now: new Date() }));
    return { created, ...emails, confirmations };
  },
);
