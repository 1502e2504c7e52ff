import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { intakePayloads } from "@/db/schema";
import { conflict } from "../errors/app-error";
import { primaryReason } from "./issue-codes";
import type { IntakeAction, IntakeIssue, IntakeResult, IntakeStatus, StoredCanonical } from "./intake-status";
import { resultOfPayload } from "./payload-result";

type PayloadRow = typeof intakePayloads.$inferSelect;

export type Finish = {
  status: Exclude<IntakeStatus, "received" | "superseded">;
  canonical?: StoredCanonical | null;
  reason?: string | null;
  errors?: IntakeIssue[];
  orderId?: string | null;
  action?: IntakeAction | null;
  duplicateOf?: string | null;
};

/**
 * The one way a payload leaves `received`: a guarded UPDATE (… AND status = 'received'), run
 * in the processing transaction that holds the row lock. Zero rows would mean someone else
 * finished it, which the lock rules out; it is still reported as a conflict, never ignored.
 */
export async function finishPayload(tx: DbOrTx, row: PayloadRow, f: Finish, now: Date): Promise<IntakeResult> {
  const [updated] = await tx
    .update(intakePayloads)
    .set({
      status: f.status,
      externalId: f.canonical?.externalId ?? row.externalId,
      canonical: f.canonical ?? null,
      channelStatus: f.canonical?.status ?? null,
      reason: f.reason ?? null,
      errors: f.errors ?? [],
      orderId: f.orderId ?? null,
      action: f.action ?? null,
      duplicateOf: f.duplicateOf ?? null,
      lastError: null,
      processedAt: now,
    })
    .where(and(eq(intakePayloads.id, row.id), eq(intakePayloads.status, "received")))
    .returning();
  if (!updated) throw conflict("This payload was processed by someone else");
  if (f.status === "accepted" || f.status === "duplicate" || f.status === "dead_lettered") await supersedeOlderDeadLetters(tx, updated, now);
  return resultOfPayload(updated);
}

/** Invalid payloads go to the dead-letter queue with every reason found. */
export function deadLetterPayload(
  tx: DbOrTx,
  row: PayloadRow,
  errors: IntakeIssue[],
  canonical: StoredCanonical | null,
  now: Date,
): Promise<IntakeResult> {
  return finishPayload(tx, row, { status: "dead_lettered", errors, reason: primaryReason(errors), canonical }, now);
}

/**
 * One open dead letter per order: when a newer copy of the same order (same channel and
 * external id — or, for bodies that never parsed, the same bytes) is dead-lettered, accepted
 * or recognised as a duplicate, older open dead letters of it are marked `superseded` so
 * admins don't fix and replay a stale copy. Dead letters an admin already corrected are kept.
 */
async function supersedeOlderDeadLetters(tx: DbOrTx, row: PayloadRow, now: Date): Promise<void> {
  const sameOrder =
    row.externalId !== null
      ? eq(intakePayloads.externalId, row.externalId)
      : and(isNull(intakePayloads.externalId), eq(intakePayloads.bodySha256, row.bodySha256));
  await tx
    .update(intakePayloads)
    .set({ status: "superseded", supersededBy: row.id, processedAt: now })
    .where(
      and(
        eq(intakePayloads.channel, row.channel),
        eq(intakePayloads.status, "dead_lettered"),
        ne(intakePayloads.id, row.id),
        isNull(intakePayloads.correctedBody),
        sameOrder,
      ),
    );
}
