import "server-only";
import { type ChosenTransition, chooseTransition, ConditionError, type OrderFacts, type WorkflowDefinition } from "../model";
import { auditOrder } from "./audit-order";
import { commitTransition, type TransitionVia } from "./commit-transition";
import type { StateEntry } from "./load-state-entry";
import { orderFacts } from "./order-facts";
import type { RuntimeDeps } from "./runtime-deps";
import { SYSTEM } from "./runtime-steps";

export type AdvanceResult =
  { kind: "moved"; to: string; seq: number; via: TransitionVia } | { kind: "wait" } | { kind: "lost_race" } | { kind: "stuck"; reason: string };

/**
 * The automatic exit the guards pick for a visit on `facts`, null when none applies, or
 * "guard_error" — audited — when a guard cannot be evaluated. Published versions are
 * validated, so that means a bug or a hand-edited row: the order is parked, not moved.
 * Shared by the per-order run and the batch driver.
 */
export async function automaticExit(
  deps: Pick<RuntimeDeps, "db">,
  def: WorkflowDefinition,
  entry: Pick<StateEntry, "orderId" | "state" | "seq">,
  facts: OrderFacts,
  now: Date,
): Promise<ChosenTransition | null | "guard_error"> {
  try {
    return chooseTransition(def, entry.state, facts, { kind: "automatic" });
  } catch (e) {
    if (!(e instanceof ConditionError)) throw e;
    await auditOrder(deps.db, {
      orderId: entry.orderId,
      action: "guard_error",
      state: entry.state,
      now,
      data: { message: e.message, seq: entry.seq },
    });
    return "guard_error";
  }
}

/**
 * After a state's actions succeeded: evaluate the automatic exits against fresh facts and
 * commit the winner. One step, so the facts the guards read are the facts the audit stores.
 */
export async function advanceAutomatic(
  deps: RuntimeDeps,
  entry: StateEntry,
  def: WorkflowDefinition,
  attempts: Record<string, number>,
): Promise<AdvanceResult> {
  const now = deps.now();
  const facts: OrderFacts = await orderFacts(deps.db, entry.orderId, deps.homeCountry);
  const chosen = await automaticExit(deps, def, entry, facts, now);
  if (chosen === "guard_error") return { kind: "stuck", reason: "guard_error" };
  if (!chosen) return { kind: "wait" };
  const commit = await commitTransition(deps.db, {
    orderId: entry.orderId,
    from: entry.state,
    seq: entry.seq,
    to: chosen.transition.to,
    versionId: entry.versionId,
    via: "transition",
    edgeId: chosen.transition.id,
    firedGuard: chosen.firedGuard,
    inputs: chosen.inputs,
    attempts,
    actor: SYSTEM,
    now,
  });
  return commit.committed ? { kind: "moved", to: chosen.transition.to, seq: commit.seq, via: "transition" } : { kind: "lost_race" };
}

export type Leave = {
  to: string;
  via: "on_failure" | "timeout";
  edgeId: string;
  firedGuard: string;
  failed?: { actionId: string; error: string };
  compensated?: Array<{ type: string; ok: boolean; error?: string }>;
};

/** Leaves through a fallback or a timeout (no guards: the edge itself is the reason). */
export async function leaveState(deps: RuntimeDeps, entry: StateEntry, leave: Leave, attempts: Record<string, number>): Promise<AdvanceResult> {
  const commit = await commitTransition(deps.db, {
    orderId: entry.orderId,
    from: entry.state,
    seq: entry.seq,
    to: leave.to,
    versionId: entry.versionId,
    via: leave.via,
    edgeId: leave.edgeId,
    firedGuard: leave.firedGuard,
    inputs: {},
    attempts,
    actor: SYSTEM,
    now: deps.now(),
    extra: { ...(leave.failed ? { failed: leave.failed } : {}), ...(leave.compensated ? { compensated: leave.compensated } : {}) },
  });
  return commit.committed ? { kind: "moved", to: leave.to, seq: commit.seq, via: leave.via } : { kind: "lost_race" };
}
