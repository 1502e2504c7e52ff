import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";

/** A non-transition event in an order's timeline (action failure, stuck, settled…). */
export async function auditOrder(
  db: DbOrTx,
  e: { orderId: string; action: string; state: string; now: Date; data: Record<string, unknown>; actorId?: string },
): Promise<void> {
  await db.insert(auditLog).values({
    at: e.now,
    actorType: "system",
    actorId: e.actorId ?? "workflow",
    entityType: "order",
    entityId: e.orderId,
    action: e.action,
    fromState: e.state,
    toState: e.state,
    data: e.data,
  });
}
