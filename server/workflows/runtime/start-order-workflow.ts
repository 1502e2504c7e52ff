import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, orders } from "@/db/schema";
import { liveVersionForNewOrders } from "../store/live-version";
import { loadVersion } from "../store/load-definition";

export type StartedOrder = { orderId: string; state: string; versionId: number; seq: number; pinnedNow: boolean };

/**
 * Pins a new order to the live version of its workflow and puts it in the initial state.
 * Guarded (`workflow_version_id IS NULL`): a duplicate order/created, or a publish in
 * between, never re-pins an order — it returns the existing pin so the caller can re-send
 * the (deduplicated) state-entered event. Null when the order does not exist.
 */
export async function startOrderWorkflow(db: Database, orderId: string, now: Date): Promise<StartedOrder | null> {
  const live = await liveVersionForNewOrders(db);
  const { definition } = await loadVersion(db, live.versionId);
  const initial = definition.states.find((s) => s.kind === "initial");
  if (!initial) throw new Error(`workflow version ${live.versionId} has no initial state`);

  return db.transaction(async (tx) => {
    const [pinned] = await tx
      .update(orders)
      .set({ workflowVersionId: live.versionId, state: initial.id, stateEnteredAt: now })
      .where(and(eq(orders.id, orderId), isNull(orders.workflowVersionId)))
      .returning({ seq: orders.transitionSeq });
    if (pinned) {
      await tx.insert(auditLog).values({
        at: now, actorType: "system", actorId: "workflow", entityType: "order", entityId: orderId,
        action: "workflow_started", fromState: null, toState: initial.id,
        data: { versionId: live.versionId, version: live.version, workflowId: live.workflowId, seq: pinned.seq },
      });
      return { orderId, state: initial.id, versionId: live.versionId, seq: pinned.seq, pinnedNow: true };
    }
    const [existing] = await tx
      .select({ state: orders.state, versionId: orders.workflowVersionId, seq: orders.transitionSeq })
      .from(orders)
      .where(eq(orders.id, orderId));
    if (!existing?.versionId) return null;
    return { orderId, state: existing.state, versionId: existing.versionId, seq: existing.seq, pinnedNow: false };
  });
}
