import "server-only";
import { lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { signInCodes } from "@/db/schema";

/** Sign-in codes are dead after minutes; their rows are kept a day for support questions, then deleted. */
export async function purgeSignInCodes(db: Database, opts: { now: Date }): Promise<number> {
  const rows = await db
    .delete(signInCodes)
    .where(lt(signInCodes.expiresAt, new Date(opts.now.getTime() - 24 * 3_600_000)))
    .returning({ id: signInCodes.id });
  return rows.length;
}
