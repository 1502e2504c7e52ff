import "server-only";
import type { Database } from "@/db/client";
import { chooseTransition, ConditionError } from "../model";
import { commitTransition } from "./commit-transition";
import { currentVisit } from "./current-visit";
import { orderFacts } from "./order-facts";
import type { RuntimeActor } from "./runtime-steps";

export type EventOutcome =
  | { applied: true; from: string; to: string; seq: number; versionId: number }
  | { applied: false; reason: "not_started" | "stale" | "no_transition" | "guard_error" | "lost_race" };

/**
 * Applies an event (order/shipped, inventory/restocked, …) to an order: the pinned
 * definition's event transitions out of the current state decide (chooseTransition), and the
 * move is a guarded commit. Events are applied straight against the database rather than
 * through a run's waitForEvent, so an event that arrives before anyone waits is never lost.
 * `seq` pins the event to one visit of a state: a late duplicate cannot move the order again.
 */
export async function applyOrderEvent(
  db: Database,
  input: { orderId: string; event: string; seq?: number; actor: RuntimeActor; now: Date; homeCountry: string; data?: Record<string, unknown> },
): Promise<EventOutcome> {
  const visit = await currentVisit(db, input.orderId);
  if (!visit) return { applied: false, reason: "not_started" };
  if (input.seq !== undefined && input.seq !== visit.seq) return { applied: false, reason: "stale" };
  const { definition, versionId } = visit.pinned;
  const facts = await orderFacts(db, input.orderId, input.homeCountry);
  let chosen;
  try {
    chosen = chooseTransition(definition, visit.state, facts, { kind: "event", event: input.event });
  } catch (e) {
    if (e instanceof ConditionError) return { applied: false, reason: "guard_error" };
    throw e;
  }
  if (!chosen) return { applied: false, reason: "no_transition" };
  const commit = await commitTransition(db, {
    orderId: input.orderId, from: visit.state, seq: visit.seq, to: chosen.transition.to, versionId,
    via: "event", edgeId: chosen.transition.id, firedGuard: chosen.firedGuard, inputs: chosen.inputs,
    actor: input.actor, now: input.now, extra: { event: input.event, ...(input.data ? { eventData: input.data } : {}) },
  });
  if (!commit.committed) return { applied: false, reason: "lost_race" };
  return { applied: true, from: visit.state, to: chosen.transition.to, seq: commit.seq, versionId };
}
