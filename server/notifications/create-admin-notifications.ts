import "server-only";
import type { DbOrTx } from "@/db/client";
import { adminNotifications } from "@/db/schema";

export interface NewAdminNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  data?: Record<string, unknown>;
  /** One notification per (user, key): a retried send writes nothing twice. */
  dedupeKey: string;
}

/** In-app notifications for staff; idempotent on (user, dedupe key). Returns how many were new. */
export async function createAdminNotifications(db: DbOrTx, items: readonly NewAdminNotification[], now: Date): Promise<number> {
  if (items.length === 0) return 0;
  const rows = await db
    .insert(adminNotifications)
    .values(
      items.map((n) => ({
        userId: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link ?? null,
        data: n.data ?? null,
        dedupeKey: n.dedupeKey,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: adminNotifications.id });
  return rows.length;
}
