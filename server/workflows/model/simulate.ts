import type { ActionType } from "./action-types";
import { isCriticalAction } from "./action-types";
import { type ChosenTransition, chooseTransition } from "./choose-transition";
import { ConditionError } from "./conditions";
import type { WorkflowAction, WorkflowDefinition, WorkflowState } from "./definition.schema";
import type { OrderFacts } from "./order-fields";

export type ActionOutcome = "success" | "fail";
/** Forced outcomes by action id; actions not listed succeed. */
export type SimulationOutcomes = Readonly<Record<string, ActionOutcome>>;

export type SimulationStep = {
  state: string;
  /** Every action started in this state, group by group (a group always runs to its join). */
  actionsRun: Array<{ actionId: string; type: ActionType; group: number; outcome: ActionOutcome }>;
  /** Compensation actions run before leaving through a fallback. */
  compensated: ActionType[];
  transitionTaken: { id: string; to: string; kind: "transition" | "on_failure" | "timeout" } | null;
  guardFired: string | null;
  guardInputs: Partial<OrderFacts>;
};

export type SimulationStopReason =
  "terminal" | "awaiting_event" | "awaiting_manual" | "awaiting_timeout" | "stuck" | "unhandled_failure" | "step_limit" | "error";

export type SimulationResult = {
  path: SimulationStep[];
  /** `waitingFor` lists what could move the order on, e.g. `event:order/shipped`. */
  stop: { reason: SimulationStopReason; state: string | null; waitingFor: string[]; message?: string };
};

type Leave = { to: string; id: string; kind: "on_failure" | "timeout"; compensated: ActionType[]; guardFired: string };

/**
 * Runs groups in order. After a group's join, the first failed action (declaration order)
 * decides: leave via its fallback, or return the action itself when nothing handles it.
 */
function runActions(state: WorkflowState, outcomes: SimulationOutcomes, step: SimulationStep): Leave | WorkflowAction | null {
  for (const [group, actions] of state.actions.entries()) {
    for (const a of actions) step.actionsRun.push({ actionId: a.id, type: a.type, group, outcome: outcomes[a.id] ?? "success" });
    for (const a of actions) {
      if ((outcomes[a.id] ?? "success") === "success") continue;
      if (a.onFailure) {
        const { transitionTo: to, compensate = [] } = a.onFailure;
        return {
          to,
          id: `${a.id}:on_failure`,
          kind: "on_failure",
          compensated: [...compensate],
          guardFired: `${a.id} failed`,
        };
      }
      // A failed (expired) approval leaves through the state's timeout.
      if (a.type === "require_approval" && state.timeout) {
        const to = state.timeout.transitionTo;
        return { to, id: `${state.id}:timeout`, kind: "timeout", compensated: [], guardFired: `${a.id} timed out` };
      }
      if (isCriticalAction(a.type) || a.type === "require_approval") return a;
      // Other actions are best-effort: the failure is logged and the state carries on.
    }
  }
  return null;
}

function waitFor(def: WorkflowDefinition, state: WorkflowState): SimulationResult["stop"] {
  const outgoing = def.transitions.filter((t) => t.from === state.id);
  const events = outgoing.flatMap((t) => (t.trigger.kind === "event" ? [`event:${t.trigger.event}`] : []));
  const manual = outgoing.flatMap((t) => (t.trigger.kind === "manual" ? [`manual:${t.id}`] : []));
  const timeout = state.timeout ? [`timeout:${state.timeout.afterSeconds}s`] : [];
  const waitingFor = [...events, ...manual, ...timeout];
  const reason: SimulationStopReason =
    manual.length > 0 && (state.manualReview || events.length === 0)
      ? "awaiting_manual"
      : events.length > 0
        ? "awaiting_event"
        : timeout.length > 0
          ? "awaiting_timeout"
          : "stuck";
  return { reason, state: state.id, waitingFor };
}

/**
 * Dry-runs a definition for the designer's Simulate button: enters the initial state, runs
 * its actions with the given outcomes, follows automatic transitions and fallbacks, and stops
 * at a terminal state, at anything that needs the outside world (event, human, timer), or
 * after `maxSteps` states so a loop in the design cannot hang the browser.
 */
export function simulate(
  def: WorkflowDefinition,
  facts: OrderFacts,
  outcomes: SimulationOutcomes = {},
  options: { maxSteps?: number } = {},
): SimulationResult {
  const maxSteps = options.maxSteps ?? 50;
  const byId = new Map(def.states.map((s) => [s.id, s]));
  const path: SimulationStep[] = [];
  const stop = (reason: SimulationStopReason, state: string | null, message?: string): SimulationResult => ({
    path,
    stop: { reason, state, waitingFor: [], ...(message ? { message } : {}) },
  });
  let stateId = def.states.find((s) => s.kind === "initial")?.id;
  if (stateId === undefined) return stop("error", null, "No initial state");

  while (path.length < maxSteps) {
    const state = byId.get(stateId);
    if (!state) return stop("error", stateId, `Unknown state "${stateId}"`);
    const step: SimulationStep = {
      state: state.id,
      actionsRun: [],
      compensated: [],
      transitionTaken: null,
      guardFired: null,
      guardInputs: {},
    };
    path.push(step);
    const failure = runActions(state, outcomes, step);
    if (failure && "type" in failure) {
      return stop("unhandled_failure", state.id, `"${failure.id}" failed and has no fallback`);
    }
    if (failure) {
      step.transitionTaken = { id: failure.id, to: failure.to, kind: failure.kind };
      step.compensated = failure.compensated;
      step.guardFired = failure.guardFired;
      stateId = failure.to;
      continue;
    }
    if (state.kind === "terminal") return stop("terminal", state.id);
    let chosen: ChosenTransition | null;
    try {
      chosen = chooseTransition(def, state.id, facts, { kind: "automatic" });
    } catch (e) {
      if (e instanceof ConditionError) return stop("error", state.id, e.message);
      throw e;
    }
    if (!chosen) return { path, stop: waitFor(def, state) };
    step.transitionTaken = { id: chosen.transition.id, to: chosen.transition.to, kind: "transition" };
    step.guardFired = chosen.firedGuard;
    step.guardInputs = chosen.inputs;
    stateId = chosen.transition.to;
  }
  return stop("step_limit", stateId, `Stopped after ${maxSteps} states; the workflow may loop`);
}
