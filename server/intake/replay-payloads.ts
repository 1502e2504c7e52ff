import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, intakePayloads } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { scheduleIntakeRetry } from "./emit-intake-events";
import type { IntakeResult } from "./intake-status";
import { loadPayloadResult } from "./payload-result";
import { processPayload } from "./process-payload";

export type ReplayOutcome = (IntakeResult & { replayed: boolean }) | { payloadId: string; replayed: false; notFound: true };

/**
 * Replays dead letters after an admin fixed a mapping rule or the data: each is re-opened
 * (guarded dead_lettered → received, audited) and processed again with the CURRENT rules and
 * its corrected body if any. Payloads stuck in `received` are processed as they are. Other
 * statuses are left alone and reported (`replayed: false`): accepted orders are never re-run,
 * bad signatures are never processed. One at a time, so each replay sees the previous ones'
 * orders (two dead letters of the same order create it once).
 */
export async function replayPayloads(db: Database, ids: readonly string[], actor: Actor, opts: { now: Date }): Promise<ReplayOutcome[]> {
  const outcomes: ReplayOutcome[] = [];
  for (const id of new Set(ids)) {
    const reopened = await reopen(db, id, actor, opts.now);
    if (reopened === "missing") {
      outcomes.push({ payloadId: id, replayed: false, notFound: true });
      continue;
    }
    if (!reopened) {
      outcomes.push({ ...(await loadPayloadResult(db, id)), replayed: false });
      continue;
    }
    try {
      outcomes.push({ ...(await processPayload(db, id, opts)), replayed: true });
    } catch {
      const [row] = await db.select({ attempts: intakePayloads.attempts }).from(intakePayloads).where(eq(intakePayloads.id, id));
      await scheduleIntakeRetry(id, (row?.attempts ?? 0) + 1);
      outcomes.push({ payloadId: id, status: "received", replayed: true });
    }
  }
  return outcomes;
}

async function reopen(db: Database, id: string, actor: Actor, now: Date): Promise<boolean | "missing"> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ status: intakePayloads.status }).from(intakePayloads).where(eq(intakePayloads.id, id)).for("update");
    if (!row) return "missing";
    if (row.status === "received") return true;
    if (row.status !== "dead_lettered") return false;
    await tx
      .update(intakePayloads)
      .set({ status: "received", replayCount: sql`${intakePayloads.replayCount} + 1`, replayedAt: now })
      .where(and(eq(intakePayloads.id, id), eq(intakePayloads.status, "dead_lettered")));
    await tx.insert(auditLog).values({
      actorType: "user",
      actorId: actor.userId,
      entityType: "intake_payload",
      entityId: id,
      action: "replayed",
      fromState: "dead_lettered",
      toState: "received",
      at: now,
    });
    return true;
  });
}
