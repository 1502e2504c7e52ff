import { isCriticalAction } from "./action-types";
import { comparisonsOf } from "./condition.schema";
import { compareTransitions } from "./choose-transition";
import { checkComparison } from "./conditions";
import type { Transition, WorkflowDefinition } from "./definition.schema";
import { type Problem, type ProblemCode, PROBLEM_SEVERITY } from "./problem";
import { bfsLayers } from "./workflow-edges";

type Report = (code: ProblemCode, kind: Problem["elementKind"], id: string | null, message: string, severity?: Problem["severity"]) => void;

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

function triggerKey({ trigger }: Transition): string {
  if (trigger.kind === "event") return `event:${trigger.event}`;
  return trigger.kind === "manual" ? `manual:${trigger.role}` : "automatic";
}

function checkIdsAndKinds(def: WorkflowDefinition, report: Report): void {
  for (const id of duplicates(def.states.map((s) => s.id))) report("duplicate_id", "state", id, `State id "${id}" is used twice`);
  for (const id of duplicates(def.transitions.map((t) => t.id))) report("duplicate_id", "transition", id, `Transition id "${id}" is used twice`);
  // Action ids are global: simulation outcomes and run history are keyed by them.
  const actionIds = def.states.flatMap((s) => s.actions.flat().map((a) => a.id));
  for (const id of duplicates(actionIds)) report("duplicate_id", "action", id, `Action id "${id}" is used twice`);

  const initials = def.states.filter((s) => s.kind === "initial");
  if (initials.length === 0) report("no_initial_state", "state", null, "The workflow needs exactly one initial state");
  for (const s of initials.slice(1)) report("multiple_initial_states", "state", s.id, `"${s.label}" is a second initial state`);
  if (!def.states.some((s) => s.kind === "terminal")) report("no_terminal_state", "state", null, "The workflow needs at least one terminal state");
}

function checkTransitions(def: WorkflowDefinition, report: Report): void {
  const states = new Map(def.states.map((s) => [s.id, s]));
  for (const t of def.transitions) {
    for (const end of new Set([t.from, t.to])) {
      if (!states.has(end)) report("transition_unknown_state", "transition", t.id, `"${t.id}" refers to unknown state "${end}"`);
    }
    if (states.get(t.from)?.kind === "terminal") report("transition_from_terminal", "transition", t.id, `Terminal state "${t.from}" cannot be left`);
    if (t.isDefault && t.guard)
      report("default_transition_has_guard", "transition", t.id, "A default is taken when nothing else matches; drop its guard");
    for (const c of t.guard ? comparisonsOf(t.guard) : []) {
      const issue = checkComparison(c);
      const code = issue?.code === "unknown_field" ? "guard_unknown_field" : "guard_type_mismatch";
      if (issue) report(code, "transition", t.id, issue.message);
    }
  }
}

function checkStates(def: WorkflowDefinition, report: Report): void {
  const known = new Set(def.states.map((s) => s.id));
  for (const s of def.states) {
    if (s.timeout && !known.has(s.timeout.transitionTo))
      report("timeout_unknown_target", "state", s.id, `Timeout targets unknown state "${s.timeout.transitionTo}"`);
    for (const a of s.actions.flat()) {
      if (a.onFailure && !known.has(a.onFailure.transitionTo))
        report("failure_unknown_target", "action", a.id, `Fallback targets unknown state "${a.onFailure.transitionTo}"`);
      if (a.type === "require_approval") {
        // An approval ends by a decision or by expiry; the state's timeout is its failure path.
        if (!a.params.timeoutSeconds || !s.timeout)
          report("approval_without_timeout", "action", a.id, "Needs params.timeoutSeconds and a state timeout");
      } else if (!a.onFailure) {
        const critical = isCriticalAction(a.type);
        const message = critical ? `"${a.type}" needs an onFailure fallback` : "No onFailure: failures are logged, then ignored";
        report("action_without_fallback", "action", a.id, message, critical ? "error" : "warning");
      }
    }

    const outgoing = def.transitions.filter((t) => t.from === s.id);
    if (s.kind !== "terminal" && outgoing.length === 0 && !s.timeout)
      report("dead_end_state", "state", s.id, `"${s.label}" is not terminal but has no way out`);
    // Without a default, an order matching no guard would sit in an automatic state forever.
    const automatic = outgoing.filter((t) => t.trigger.kind === "automatic");
    if (automatic.some((t) => t.guard && !t.isDefault) && !automatic.some((t) => t.isDefault))
      report("missing_default_transition", "state", s.id, `"${s.label}" has guarded automatic transitions but no default`);
    // The first default in evaluation order is the one chooseTransition takes; flag the rest.
    const defaults = outgoing.filter((t) => t.isDefault).sort(compareTransitions);
    for (const key of duplicates(defaults.map(triggerKey))) {
      for (const t of defaults.filter((d) => triggerKey(d) === key).slice(1))
        report("multiple_default_transitions", "transition", t.id, `"${s.label}" already has a default for ${key}`);
    }
  }
}

/** Structural and semantic checks; publishing is blocked while any "error" remains. */
export function validateDefinition(def: WorkflowDefinition): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (code, elementKind, elementId, message, severity = PROBLEM_SEVERITY[code]) =>
    problems.push({ code, message, elementId, elementKind, severity });
  checkIdsAndKinds(def, report);
  checkTransitions(def, report);
  checkStates(def, report);

  const initial = def.states.find((s) => s.kind === "initial");
  if (initial) {
    const reached = bfsLayers(def, initial.id);
    for (const s of def.states.filter((x) => !reached.has(x.id)))
      report("unreachable_state", "state", s.id, `"${s.label}" cannot be reached from "${initial.label}"`);
  }
  return problems;
}
