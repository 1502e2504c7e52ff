import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { subscriptions } from "@/db/schema";
import { createNotification } from "@/server/notifications/create-notification";
import { compareLocalDates, toLocalDate } from "../schedule";
import { resumeLocked } from "./resume-subscription";
import { startOfLocalDay } from "./upcoming-timeline";

const BATCH = 200;

/**
 * Resumes every subscription whose "paused until" date has begun in its own time zone.
 * Each resumes in its own short transaction, effective at the START of that local date (not
 * when this sweep happens to run), so a delivery dated on it still ships. Rows locked by
 * someone else are skipped and picked up by the next run. Returns how many resumed.
 */
export async function resumeDuePaused(db: Database, now: Date): Promise<number> {
  let resumed = 0;
  for (;;) {
    const due = await db
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.status, "paused"),
          isNotNull(subscriptions.pausedUntil),
          sql`${subscriptions.pausedUntil} <= (${now.toISOString()}::timestamptz AT TIME ZONE ${subscriptions.timeZone})::date`,
        ),
      )
      .limit(BATCH);
    let progressed = 0;
    for (const { id } of due) if (await resumeOne(db, id, now)) progressed++;
    resumed += progressed;
    if (due.length < BATCH || progressed === 0) return resumed;
  }
}

async function resumeOne(db: Database, id: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, id)).for("update", { skipLocked: true });
    // Re-checked under the lock: the customer may have resumed, cancelled or moved the date.
    if (!row || row.status !== "paused" || !row.pausedUntil) return false;
    if (compareLocalDates(row.pausedUntil, toLocalDate(now, row.timeZone)) > 0) return false;
    const resumed = await resumeLocked(tx, row, {
      resumeAt: startOfLocalDay(row.pausedUntil, row.timeZone),
      now,
      actor: { type: "system" },
    });
    await createNotification(tx, {
      customerId: row.customerId,
      kind: "subscription_resumed",
      title: "Subscription resumed",
      body:
        resumed.status === "completed"
          ? "Your pause has ended and the subscription has no deliveries left, so it is now complete."
          : `Your pause has ended; deliveries continue from ${toLocalDate(resumed.nextRunAt ?? now, row.timeZone)}.`,
      link: `/subscriptions/${row.id}`,
      data: { subscriptionId: row.id },
    });
    return true;
  });
}
