import "server-only";
import { lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Deletes rate-limit windows that ended more than an hour before `now` (the library's own
 * rule for `clearExpiredByTimeout`, which is off: one cron instead of a timer per limiter per
 * app server). An expired row is already ignored by the limiter; this only keeps the table small.
 */
export async function purgeExpiredLimits(db: Database, opts: { now: Date }): Promise<number> {
  const rows = await db
    .delete(rateLimits)
    .where(lt(rateLimits.expire, opts.now.getTime() - 3_600_000))
    .returning({ key: rateLimits.key });
  return rows.length;
}
