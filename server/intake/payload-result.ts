import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { intakePayloads } from "@/db/schema";
import { notFound } from "../errors/app-error";
import type { IntakeAction, IntakeResult } from "./intake-status";

type PayloadRow = typeof intakePayloads.$inferSelect;

/**
 * The result a stored payload stands for. A duplicate answers with its original's result
 * (same order, the original payload's id) plus its own id, so a replayed webhook gets exactly
 * what the first delivery got.
 */
export function resultOfPayload(row: PayloadRow): IntakeResult {
  if (row.status === "duplicate") {
    return {
      payloadId: row.duplicateOf ?? row.id,
      status: "duplicate",
      orderId: row.orderId ?? undefined,
      action: (row.action as IntakeAction | null) ?? "created",
      duplicatePayloadId: row.id,
    };
  }
  return {
    payloadId: row.id,
    status: row.status,
    orderId: row.orderId ?? undefined,
    action: (row.action as IntakeAction | null) ?? undefined,
    reason: row.reason ?? undefined,
    errors: row.errors.length > 0 ? row.errors : undefined,
  };
}

export async function loadPayloadResult(db: DbOrTx, payloadId: string): Promise<IntakeResult> {
  const [row] = await db.select().from(intakePayloads).where(eq(intakePayloads.id, payloadId));
  if (!row) throw notFound("Intake payload");
  return resultOfPayload(row);
}
