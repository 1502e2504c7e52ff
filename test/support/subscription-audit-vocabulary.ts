import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { SUBSCRIPTION_AUDIT_ACTIONS } from "@/server/subscriptions/subscription-status";

/**
 * Subscription audit actions present in the database that SUBSCRIPTION_AUDIT_ACTIONS does not
 * list (expected: none), and how many distinct actions were seen — so a test can also show that
 * it exercised something.
 */
export async function auditVocabularyOf(db: DbOrTx): Promise<{ seen: string[]; unlisted: string[] }> {
  const rows = await db.execute<{ action: string }>(sql`
    SELECT DISTINCT action FROM audit_log WHERE entity_type = 'subscription' ORDER BY action`);
  const seen = rows.map((r) => r.action);
  const listed: readonly string[] = SUBSCRIPTION_AUDIT_ACTIONS;
  return { seen, unlisted: seen.filter((a) => !listed.includes(a)) };
}
