import "server-only";
import { lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";

/** Idempotency keys are honoured for at least 24 hours (Stripe's window), then forgotten. */
export async function purgeIdempotencyKeys(db: Database, opts: { now: Date }): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.claimedAt, new Date(opts.now.getTime() - 24 * 3_600_000)))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
