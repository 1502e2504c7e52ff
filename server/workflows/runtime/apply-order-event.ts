import "server-only";
import type { Database } from "@/db/client";
import { chooseTransition, ConditionError } from "../model";
import { commitTransitions, type TransitionRequest } from "./commit-transition";
import { currentVisits } from "./current-visit";
import { orderFactsMany } from "./order-facts";
import type { RuntimeActor } from "./runtime-steps";

export type EventOutcome =
  | { applied: true; from: string; to: string; seq: number; versionId: number }
  | { applied: false; reason: "not_started" | "stale" | "no_transition" | "guard_error" | "lost_race" };

export type EventApplication = {
  orderId: string;
  event: string;
  seq?: number;
  actor: RuntimeActor;
  now: Date;
  homeCountry: string;
  data?: Record<string, unknown>;
};

/**
 * Applies an event (order/shipped, inventory/restocked, …) to an order: the pinned
 * definition's event transitions out of the current state decide (chooseTransition), and the
 * move is a guarded commit. Events are applied straight against the database rather than
 * through a run's waitForEvent, so an event that arrives before anyone waits is never lost.
 * `seq` pins the event to one visit of a state: a late duplicate cannot move the order again.
 */
export async function applyOrderEvent(db: Database, input: EventApplication): Promise<EventOutcome> {
  const [outcome] = await applyOrderEvents(db, [input]);
  return outcome as EventOutcome;
}

/**
 * applyOrderEvent for many events, set-based: visits, facts and commits are one query each per
 * round. Several events for one order are applied one after the other (later rounds see the
 * state the earlier ones left), as if they had arrived one by one. Outcomes in input order.
 */
export async function applyOrderEvents(db: Database, inputs: readonly EventApplication[]): Promise<EventOutcome[]> {
  const outcomes = new Array<EventOutcome>(inputs.length);
  let pending = inputs.map((input, index) => ({ input, index }));
  while (pending.length > 0) {
    const seen = new Set<string>();
    const round = pending.filter((p) => !seen.has(p.input.orderId) && seen.add(p.input.orderId));
    pending = pending.filter((p) => !round.includes(p));
    const visits = await currentVisits(
      db,
      round.map((p) => p.input.orderId),
    );
    const homeCountry = round[0]?.input.homeCountry ?? "US";
    const facts = await orderFactsMany(db, [...visits.keys()], homeCountry);
    const requests: Array<{ index: number; request: TransitionRequest; from: string; versionId: number }> = [];
    for (const { input, index } of round) {
      const visit = visits.get(input.orderId);
      const f = facts.get(input.orderId);
      if (!visit || !f) {
        outcomes[index] = { applied: false, reason: "not_started" };
        continue;
      }
      if (input.seq !== undefined && input.seq !== visit.seq) {
        outcomes[index] = { applied: false, reason: "stale" };
        continue;
      }
      const { definition, versionId } = visit.pinned;
      let chosen;
      try {
        chosen = chooseTransition(definition, visit.state, f, { kind: "event", event: input.event });
      } catch (e) {
        if (!(e instanceof ConditionError)) throw e;
        outcomes[index] = { applied: false, reason: "guard_error" };
        continue;
      }
      if (!chosen) {
        outcomes[index] = { applied: false, reason: "no_transition" };
        continue;
      }
      requests.push({
        index,
        from: visit.state,
        versionId,
        request: {
          orderId: input.orderId,
          from: visit.state,
          seq: visit.seq,
          to: chosen.transition.to,
          versionId,
          via: "event",
          edgeId: chosen.transition.id,
          firedGuard: chosen.firedGuard,
          inputs: chosen.inputs,
          actor: input.actor,
          now: input.now,
          extra: { event: input.event, ...(input.data ? { eventData: input.data } : {}) },
        },
      });
    }
    const commits = await commitTransitions(
      db,
      requests.map((r) => r.request),
    );
    commits.forEach((c, i) => {
      const r = requests[i]!;
      outcomes[r.index] = c.committed
        ? { applied: true, from: r.from, to: r.request.to, seq: c.seq, versionId: r.versionId }
        : { applied: false, reason: "lost_race" };
    });
  }
  return outcomes;
}
