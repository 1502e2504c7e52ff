import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { customerEmails } from "@/db/schema";

export interface QueuedEmail {
  customerId: string;
  kind: string;
  /** One email per key, however often the event is retried. */
  dedupeKey: string;
  subject: string;
  text: string;
}

/**
 * Puts a customer email in the outbox, in the caller's transaction, addressed to the customer's
 * email at that moment. Nothing is sent here (no external call inside a transaction): the
 * caller runs sendCustomerEmails after commit. Returns the row's id, or null when this key was
 * already queued (the event happened before: no second email).
 */
export async function queueCustomerEmail(tx: DbOrTx, email: QueuedEmail, now: Date): Promise<string | null> {
  const rows = await tx.execute<{ id: string }>(sql`
    INSERT INTO ${customerEmails} (customer_id, kind, dedupe_key, to_address, subject, text, created_at)
    SELECT c.id, ${email.kind}, ${email.dedupeKey}, c.email, ${email.subject}, ${email.text}, ${now.toISOString()}::timestamptz
    FROM customers c WHERE c.id = ${email.customerId}
    ON CONFLICT ON CONSTRAINT customer_emails_once DO NOTHING
    RETURNING id`);
  return rows[0]?.id ?? null;
}
