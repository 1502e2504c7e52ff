import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";

export type ContinuityActor = { type: "user"; userId: string } | { type: "system"; id: string };

/**
 * Audit rows for program and product changes, written in the caller's transaction. Rows about a
 * subscription go through server/subscriptions/transition (auditSubscriptions), which owns their
 * vocabulary.
 */
export async function auditContinuity(
  db: DbOrTx,
  actor: ContinuityActor,
  rows: ReadonlyArray<{
    entityType: "program" | "product";
    entityId: string;
    action: string;
    fromState?: string | null;
    toState?: string | null;
    data?: Record<string, unknown>;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(auditLog).values(
    rows.map((r) => ({
      actorType: actor.type,
      actorId: actor.type === "user" ? actor.userId : actor.id,
      entityType: r.entityType,
      entityId: r.entityId,
      action: r.action,
      fromState: r.fromState ?? null,
      toState: r.toState ?? null,
      data: r.data ?? null,
    })),
  );
}
