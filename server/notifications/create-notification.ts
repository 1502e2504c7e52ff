import "server-only";
import type { DbOrTx } from "@/db/client";
import { notifications } from "@/db/schema";

export interface NewNotification {
  customerId: string;
  /** Machine-readable kind the inbox can filter and render by, e.g. "reminder". */
  kind: string;
  title: string;
  body: string;
  /** App-relative link the notification opens, e.g. "/subscriptions/<id>". */
  link?: string | null;
  data?: Record<string, unknown>;
}

/**
 * In-app notifications for the portal inbox. Written inside the caller's transaction, so a
 * notification exists exactly when the change it announces committed.
 */
export async function createNotifications(db: DbOrTx, items: readonly NewNotification[]): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await db
    .insert(notifications)
    .values(
      items.map((n) => ({
        customerId: n.customerId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link ?? null,
        data: n.data ?? null,
      })),
    )
    .returning({ id: notifications.id });
  return rows.map((r) => r.id);
}

export async function createNotification(db: DbOrTx, item: NewNotification): Promise<string> {
  const [id] = await createNotifications(db, [item]);
  return id!;
}
