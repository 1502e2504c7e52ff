import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { adminNotifications } from "@/db/schema";
import { notFound } from "../errors/app-error";
import type { AdminNotificationDto } from "./admin-notification-routes.schema";
import { isUuid } from "@/server/subscriptions/subscription.schema";

/** The staff user's inbox (the header bell), newest first, with the unread count for its badge. */
export async function listAdminNotifications(
  db: DbOrTx,
  userId: string,
  limit = 30,
): Promise<{ notifications: AdminNotificationDto[]; unread: number }> {
  const [rows, [unread]] = await Promise.all([
    db
      .select()
      .from(adminNotifications)
      .where(eq(adminNotifications.userId, userId))
      .orderBy(desc(adminNotifications.createdAt), desc(adminNotifications.id))
      .limit(Math.min(limit, 100)),
    db
      .select({ n: count() })
      .from(adminNotifications)
      .where(and(eq(adminNotifications.userId, userId), isNull(adminNotifications.readAt))),
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

/** Marks one of the user's notifications read; someone else's is a 404 (not a 403: ids are not to be probed). */
export async function markAdminNotificationRead(db: DbOrTx, userId: string, id: string, now: Date): Promise<void> {
  if (!isUuid(id)) throw notFound("Notification");
  const [owned] = await db
    .select({ id: adminNotifications.id })
    .from(adminNotifications)
    .where(and(eq(adminNotifications.id, id), eq(adminNotifications.userId, userId)));
  if (!owned) throw notFound("Notification");
  // Already read keeps its first read time.
  await db
    .update(adminNotifications)
    .set({ readAt: now })
    .where(and(eq(adminNotifications.id, id), eq(adminNotifications.userId, userId), isNull(adminNotifications.readAt)));
}
