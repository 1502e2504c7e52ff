import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, intakePayloads } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { conflict, invalid } from "../errors/app-error";
import { parseLosslessJson } from "./adapters/lossless-json";

/**
 * "Edit payload": an admin's fixed copy of a dead letter's body, stored next to the untouched
 * raw body (which stays the record of what the channel sent). Replays parse the copy; `null`
 * drops it. Only dead letters can be corrected: an accepted order is never re-derived.
 * The copy is not signed by the channel — the audit row records who wrote it.
 */
export async function correctPayload(db: Database, id: string, body: string | null, actor: Actor, opts: { now: Date }) {
  if (body !== null) {
    const json = parseLosslessJson(body);
    if (!json.ok) throw invalid({ body: json.message });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(intakePayloads)
      .set({ correctedBody: body, correctedAt: body === null ? null : opts.now, correctedBy: body === null ? null : actor.userId })
      .where(and(eq(intakePayloads.id, id), eq(intakePayloads.status, "dead_lettered")))
      .returning({ id: intakePayloads.id });
    if (!row) throw conflict("Only dead letters can be edited");
    await tx.insert(auditLog).values({
      actorType: "user",
      actorId: actor.userId,
      entityType: "intake_payload",
      entityId: id,
      action: body === null ? "correction_dropped" : "corrected",
      at: opts.now,
    });
    return { payloadId: id, corrected: body !== null };
  });
}
