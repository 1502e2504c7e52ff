import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
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
 * its audit row — one statement (a data-modifying CTE), so one round trip and one commit, and
 * the audit row exists exactly when the move does. Zero rows means someone else moved it
 * first: then, if the audit shows this very transition already committed by the engine (a
 * retried step whose first run committed but whose result was lost, or a duplicate delivery),
 * report it as committed so the caller (re-)sends the next event — same deterministic id,
 * deduplicated; otherwise report not committed.
 */
export async function commitTransition(db: Database, t: TransitionRequest): Promise<CommitResult> {
  const data = {
    via: t.via, edgeId: t.edgeId, guard: t.firedGuard, inputs: t.inputs, versionId: t.versionId,
    fromSeq: t.seq, seq: t.seq + 1, attempts: t.attempts ?? {}, ...(t.note ? { note: t.note } : {}), ...t.extra,
  };
  const rows = await db.execute<{ seq: number }>(sql`
    WITH moved AS (
      UPDATE orders SET state = ${t.to}, transition_seq = transition_seq + 1, state_entered_at = ${t.now.toISOString()}::timestamptz
      WHERE id = ${t.orderId} AND state = ${t.from} AND transition_seq = ${t.seq}
      RETURNING id, transition_seq
    ), audited AS (
      INSERT INTO audit_log (at, actor_type, actor_id, entity_type, entity_id, action, from_state, to_state, data)
      SELECT ${t.now.toISOString()}::timestamptz, ${t.actor.type}, ${t.actor.id}, 'order', moved.id::text, 'transition',
             ${t.from}, ${t.to}, ${JSON.stringify(data)}::jsonb
      FROM moved
    )
    SELECT transition_seq AS seq FROM moved`);
  const moved = rows[0];
  if (moved) return { committed: true, seq: moved.seq, replayed: false };
  if (t.actor.type !== "system") return { committed: false };
  const [prior] = await db
    .select({ to: auditLog.toState })
    .from(auditLog)
    .where(and(
      eq(auditLog.entityType, "order"), eq(auditLog.entityId, t.orderId), eq(auditLog.action, "transition"),
      sql`(${auditLog.data}->>'fromSeq')::int = ${t.seq}`,
    ))
    .limit(1);
  return prior?.to === t.to ? { committed: true, seq: t.seq + 1, replayed: true } : { committed: false };
}

/** The event that starts the next state's run; its id dedupes re-sends of the same visit. */
export function stateEnteredEvent(orderId: string, state: string, versionId: number, seq: number) {
  return { name: "order/state.entered", id: `order-${orderId}-${seq}`, data: { orderId, state, versionId, seq } };
}
