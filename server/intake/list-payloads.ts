import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { intakePayloads } from "@/db/schema";
import type { ListPayloadsQuery } from "./intake-admin.schema";

/** Payload summaries (no bodies), newest first: the admin page's dead-letter and history lists. */
export async function listPayloads(db: DbOrTx, q: ListPayloadsQuery) {
  const where: SQL[] = [];
  if (q.channel) where.push(eq(intakePayloads.channel, q.channel));
  if (q.status) where.push(eq(intakePayloads.status, q.status));
  if (q.reason) where.push(eq(intakePayloads.reason, q.reason));
  return db
    .select({
      id: intakePayloads.id,
      channel: intakePayloads.channel,
      externalId: intakePayloads.externalId,
      status: intakePayloads.status,
      reason: intakePayloads.reason,
      errors: intakePayloads.errors,
      receivedAt: intakePayloads.receivedAt,
      processedAt: intakePayloads.processedAt,
      attempts: intakePayloads.attempts,
      orderId: intakePayloads.orderId,
      action: intakePayloads.action,
      corrected: intakePayloads.correctedAt,
      replayCount: intakePayloads.replayCount,
      signatureValid: intakePayloads.signatureValid,
    })
    .from(intakePayloads)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(intakePayloads.receivedAt), desc(intakePayloads.id))
    .limit(q.limit ?? 100);
}
