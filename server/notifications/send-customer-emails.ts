import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pgArray } from "@/server/lib/pg-array";
import { sendEmail as defaultSend, type SendEmail } from "./send-email";

/** A claim older than this is a sender that died between claim and record: take it over. */
const STALE_CLAIM_MINUTES = 5;

/**
 * Mails queued customer emails (queue-customer-email.ts), claim → send → record, with no
 * transaction open while SMTP talks: one statement claims the next unsent row (SKIP LOCKED, a
 * stale claim is taken over), SMTP gets it, then sent_at is set under a guard. A failed send is
 * unclaimed and left for the next run. A crash between send and record re-sends that one email
 * once the claim is stale (at-least-once; SMTP offers nothing stronger). `ids` limits the run to
 * the rows a request just queued; without it, every unsent row (the sweeper).
 */
export async function sendCustomerEmails(
  db: Database,
  opts: { now: Date; ids?: readonly string[]; send?: SendEmail; limit?: number },
): Promise<{ sent: number; failed: number }> {
  const send = opts.send ?? defaultSend;
  const now = opts.now.toISOString();
  const only = opts.ids ? sql`AND e.id = ANY(${pgArray(opts.ids)}::uuid[])` : sql``;
  if (opts.ids?.length === 0) return { sent: 0, failed: 0 };
  const failed: string[] = [];
  let sent = 0;
  for (let i = 0; i < (opts.limit ?? 500); i++) {
    const [row] = await db.execute<{ id: string; to_address: string; subject: string; text: string }>(sql`
      WITH next AS (
        SELECT e.id FROM customer_emails e
        WHERE e.sent_at IS NULL ${only}
          AND (e.claimed_at IS NULL OR e.claimed_at < ${now}::timestamptz - make_interval(mins => ${STALE_CLAIM_MINUTES}))
          AND NOT (e.id = ANY(${pgArray(failed)}::uuid[]))
        ORDER BY e.created_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE customer_emails e SET claimed_at = ${now}::timestamptz FROM next WHERE e.id = next.id
      RETURNING e.id, e.to_address, e.subject, e.text`);
    if (!row) break;
    try {
      await send({ to: row.to_address, subject: row.subject, text: row.text });
    } catch (e) {
      console.error(`[customer-emails] email ${row.id} failed: ${e instanceof Error ? e.message : String(e)}`);
      failed.push(row.id);
      await db.execute(sql`UPDATE customer_emails SET claimed_at = NULL WHERE id = ${row.id} AND sent_at IS NULL`);
      continue;
    }
    await db.execute(sql`UPDATE customer_emails SET sent_at = ${now}::timestamptz WHERE id = ${row.id} AND sent_at IS NULL`);
    sent++;
  }
  return { sent, failed: failed.length };
}
