import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customers, notifications, orders } from "@/db/schema";
import { createNotification } from "@/server/notifications/create-notification";
import type { SendEmail } from "@/server/notifications/send-email";
import { type ActionResult, fail, ok } from "./action-result";
import { renderNotice } from "./notify-templates";

/**
 * Tells an order's customer something: always an in-app notification, plus an email for the
 * `email` channel. `dedupeKey` makes the in-app row once-only across retries (an email that
 * failed is retried without duplicating the inbox entry); the email goes out at least once.
 */
export async function notifyCustomer(
  db: Database,
  sendEmail: SendEmail,
  input: { orderId: string; template: string; channel: "email" | "in_app"; stateLabel: string; dedupeKey: string; appUrl: string },
): Promise<ActionResult> {
  const [row] = await db
    .select({ number: orders.number, customerId: customers.id, name: customers.name, email: customers.email })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, input.orderId));
  if (!row) return fail("order_not_found", false);
  const notice = renderNotice(input.template, {
    orderNumber: row.number,
    orderId: input.orderId,
    customerName: row.name,
    stateLabel: input.stateLabel,
    appUrl: input.appUrl,
  });
  const [already] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.customerId, row.customerId), sql`${notifications.data}->>'dedupeKey' = ${input.dedupeKey}`))
    .limit(1);
  if (!already) {
    await createNotification(db, {
      customerId: row.customerId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      data: { orderId: input.orderId, template: input.template, dedupeKey: input.dedupeKey },
    });
  }
  if (input.channel === "in_app") return ok({ inApp: true });
  try {
    await sendEmail({ to: row.email, subject: notice.title, text: `${notice.body}\n\n${input.appUrl}${notice.link}` });
  } catch {
    return fail("email_send_failed");
  }
  return ok({ inApp: true, email: true });
}
