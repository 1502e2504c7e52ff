import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { intakePayloads } from "@/db/schema";
import type { IntakeIssue } from "./intake-status";

/**
 * After Inngest's last retry failed: the payload is moved to the dead-letter queue with reason
 * `processing_failed` (guarded on `received`, so a success that raced it wins), where an admin
 * sees it, fixes the cause and replays it. Nothing is lost: the raw body is still there.
 */
export async function markProcessingFailed(db: Database, payloadId: string, opts: { now: Date }): Promise<boolean> {
  const [row] = await db
    .select({ attempts: intakePayloads.attempts, lastError: intakePayloads.lastError })
    .from(intakePayloads)
    .where(eq(intakePayloads.id, payloadId));
  if (!row) return false;
  const errors: IntakeIssue[] = [
    {
      path: "",
      code: "processing_failed",
      message: `Processing failed after ${row.attempts} attempt(s)${row.lastError ? ` (last error: ${row.lastError})` : ""}; replay once the cause is fixed`,
    },
  ];
  const moved = await db
    .update(intakePayloads)
    .set({ status: "dead_lettered", reason: "processing_failed", errors, processedAt: opts.now })
    .where(and(eq(intakePayloads.id, payloadId), eq(intakePayloads.status, "received")))
    .returning({ id: intakePayloads.id });
  return moved.length > 0;
}
