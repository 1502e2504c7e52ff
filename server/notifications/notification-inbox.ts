import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications } from "@/db/schema";
import { notFound } from "../errors/app-error";
import type { NotificationDto } from "@/server/subscriptions/subscription-dto.schema";
import { isUuid } from "@/server/subscriptions/subscription.schema";

/** The customer's in-app inbox, newest first, with the unread count for the badge. */
export async function listNotifications(db: DbOrTx, customerId: string, limit = 50): Promise<{ notifications: NotificationDto[]; unread: number }> {
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.customerId, customerId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(Math.min(limit, 200)),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.customerId, customerId), isNull(notifications.readAt))),
  ]);
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
    unread: unread?.n ?? 0,
  };
}

/** Marks one of the customer's notifications read; already-read stays as it was (idempotent). */
export async function markNotificationRead(db: DbOrTx, customerId: string, id: string, now: Date): Promise<void> {
  if (!isUuid(id)) throw notFound("Notification");
  const [owned] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.customerId, customerId)));
  if (!owned) throw notFound("Notification");
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id), eq(notifications.customerId, customerId), isNull(notifications.readAt)));
}

export async function markAllNotificationsRead(db: DbOrTx, customerId: string, now: Date): Promise<{ marked: number }> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.customerId, customerId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
