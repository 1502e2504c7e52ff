import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, orders } from "@/db/schema";
import type { OrderFacts } from "../model";
import type { RuntimeActor } from "./runtime-steps";

export type TransitionVia = "transition" | "on_failure" | "timeout" | "event" | "manual";

export type TransitionRequest = {
  orderId: string;
  from: string;
  /** orders.transition_seq the decision was made on; the UPDATE is guarded on it. */
  seq: number;
  to: string;
  versionId: number;
  via: TransitionVia;
  /** Transition id, `<state>:timeout` or `<action>:on_failure`. */
  edgeId: string;
  firedGuard: string;
  inputs: Partial<OrderFacts>;
  /** Attempts per action id in the state being left. */
  attempts?: Record<string, number>;
  actor: RuntimeActor;
  now: Date;
  note?: string;
  extra?: Record<string, unknown>;
};

export type CommitResult = { committed: true; seq: number; replayed: boolean } | { committed: false };

/**
 * Moves an order with one guarded UPDATE (state = :from AND transition_seq = :seq) and writes
 * the audit row in the same transaction. Zero rows means someone else moved it first: then,
 * if the audit shows this very transition already committed (a retried step whose first run
 * committed but whose result was lost), report it as committed so the caller re-sends the
 * next event (same deterministic id, deduplicated); otherwise report not committed.
 */
export async function commitTransition(db: Database, t: TransitionRequest): Promise<CommitResult> {
  return db.transaction(async (tx) => {
    const [moved] = await tx
      .update(orders)
      .set({ state: t.to, transitionSeq: sql`${orders.transitionSeq} + 1`, stateEnteredAt: t.now })
      .where(and(eq(orders.id, t.orderId), eq(orders.state, t.from), eq(orders.transitionSeq, t.seq)))
      .returning({ seq: orders.transitionSeq });
    if (!moved) {
      const [prior] = await tx
        .select({ to: auditLog.toState })
        .from(auditLog)
        .where(and(
          eq(auditLog.entityType, "order"), eq(auditLog.entityId, t.orderId), eq(auditLog.action, "transition"),
          sql`(${auditLog.data}->>'fromSeq')::int = ${t.seq}`,
        ))
        .limit(1);
      return prior && prior.to === t.to && t.actor.type === "system"
        ? { committed: true, seq: t.seq + 1, replayed: true }
        : { committed: false };
    }
    await tx.insert(auditLog).values({
      at: t.now,
      actorType: t.actor.type,
      actorId: t.actor.id,
      entityType: "order",
      entityId: t.orderId,
      action: "transition",
      fromState: t.from,
      toState: t.to,
      data: {
        via: t.via, edgeId: t.edgeId, guard: t.firedGuard, inputs: t.inputs, versionId: t.versionId,
        fromSeq: t.seq, seq: moved.seq, attempts: t.attempts ?? {}, ...(t.note ? { note: t.note } : {}), ...t.extra,
      },
    });
    return { committed: true, seq: moved.seq, replayed: false };
  });
}

/** The event that starts the next state's run; its id dedupes re-sends of the same visit. */
export function stateEnteredEvent(orderId: string, state: string, versionId: number, seq: number) {
  return { name: "order/state.entered", id: `order-${orderId}-${seq}`, data: { orderId, state, versionId, seq } };
}
