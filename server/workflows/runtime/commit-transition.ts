import "server-only";
import { sql } from "drizzle-orm";
import { orderAuditRows } from "@/server/orders/order-audit-rows";
import type { DbOrTx } from "@/db/client";
import type { OrderFacts } from "../model";
import type { RuntimeActor } from "./runtime-steps";

/** `external`: forced from outside the definition (a channel cancelled the order, cancel-order.ts). */
export type TransitionVia = "transition" | "on_failure" | "timeout" | "event" | "manual" | "external";

export type TransitionRequest = {
  orderId: string;
  from: string;
  /** orders.transition_seq the decision was made on; the UPDATE is guarded on it. */
  seq: number;
  to: string;
  /** null only for an external move of an order whose workflow never started. */
  versionId: number | null;
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
export async function commitTransition(db: DbOrTx, t: TransitionRequest): Promise<CommitResult> {
  const [result] = await commitTransitions(db, [t]);
  return result ?? { committed: false };
}

/**
 * commitTransition for many orders at once, results in request order: one statement moves
 * every order whose guard still holds and writes their audit rows, and one more (only if some
 * did not move) looks for engine commits that a lost step result hid. One request per order.
 */
export async function commitTransitions(db: DbOrTx, requests: readonly TransitionRequest[]): Promise<CommitResult[]> {
  if (requests.length === 0) return [];
  // One statement must not move an order twice (UPDATE … FROM would apply one row but audit
  // both): a repeated order goes in a later statement, where its stale seq loses the race.
  const firsts = new Set<string>();
  const isFirst = requests.map((t) => !firsts.has(t.orderId) && Boolean(firsts.add(t.orderId)));
  if (isFirst.includes(false)) {
    const head = await commitTransitions(
      db,
      requests.filter((_, i) => isFirst[i]),
    );
    const tail = await commitTransitions(
      db,
      requests.filter((_, i) => !isFirst[i]),
    );
    let h = 0;
    let t = 0;
    return isFirst.map((first) => (first ? head[h++] : tail[t++]) as CommitResult);
  }
  const input = requests.map((t) => ({
    id: t.orderId,
    from_state: t.from,
    seq: t.seq,
    to_state: t.to,
    at: t.now.toISOString(),
    actor_type: t.actor.type,
    actor_id: t.actor.id,
    data: {
      via: t.via,
      edgeId: t.edgeId,
      guard: t.firedGuard,
      inputs: t.inputs,
      versionId: t.versionId,
      fromSeq: t.seq,
      seq: t.seq + 1,
      attempts: t.attempts ?? {},
      ...(t.note ? { note: t.note } : {}),
      ...t.extra,
    },
  }));
  const moved = await db.execute<{ id: string; seq: number }>(sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        AS i(id uuid, from_state text, seq int, to_state text, at timestamptz, actor_type text, actor_id text, data jsonb)
    ), moved AS (
      -- prev: the row as it was, for how long the order stayed in the state it leaves.
      UPDATE orders o SET state = i.to_state, transition_seq = o.transition_seq + 1, state_entered_at = i.at
      FROM input i JOIN orders prev ON prev.id = i.id
      WHERE o.id = i.id AND o.state = i.from_state AND o.transition_seq = i.seq
      RETURNING o.id, o.transition_seq, prev.state_entered_at AS left_entered_at
    ), audited AS (${orderAuditRows(
      {
        at: sql`i.at`,
        actorType: sql`i.actor_type`,
        actorId: sql`i.actor_id`,
        entityId: sql`m.id::text`,
        action: sql`'transition'`,
        fromState: sql`i.from_state`,
        toState: sql`i.to_state`,
        // inStateMs: the visit's length, so the live overlay's percentiles read one row per visit.
        data: sql`i.data || jsonb_strip_nulls(jsonb_build_object('inStateMs', round(extract(epoch FROM i.at - m.left_entered_at) * 1000)::bigint))`,
      },
      sql`moved m JOIN input i ON i.id = m.id`,
    )})
    SELECT id::text, transition_seq AS seq FROM moved`);
  const seqs = new Map(moved.map((m) => [m.id, m.seq]));
  const missed = requests.filter((t) => !seqs.has(t.orderId) && t.actor.type === "system");
  const replayed = new Set<string>();
  if (missed.length > 0) {
    const prior = await db.execute<{ id: string; to_state: string; from_seq: number }>(sql`
      SELECT a.entity_id AS id, a.to_state, (a.data->>'fromSeq')::int AS from_seq FROM audit_log a
      JOIN jsonb_to_recordset(${JSON.stringify(missed.map((t) => ({ id: t.orderId, seq: t.seq })))}::jsonb) AS m(id text, seq int)
        ON a.entity_id = m.id AND (a.data->>'fromSeq')::int = m.seq
      WHERE a.entity_type = 'order' AND a.action = 'transition'`);
    for (const t of missed) {
      if (prior.some((p) => p.id === t.orderId && p.from_seq === t.seq && p.to_state === t.to)) replayed.add(t.orderId);
    }
  }
  return requests.map((t): CommitResult => {
    const seq = seqs.get(t.orderId);
    if (seq !== undefined) return { committed: true, seq, replayed: false };
    return replayed.has(t.orderId) ? { committed: true, seq: t.seq + 1, replayed: true } : { committed: false };
  });
}

/** The event that starts the next state's run; its id dedupes re-sends of the same visit. */
export function stateEnteredEvent(orderId: string, state: string, versionId: number, seq: number) {
  return { name: "order/state.entered", id: `order-${orderId}-${seq}`, data: { orderId, state, versionId, seq } };
}
