import { describeCondition, evaluateCondition } from "./conditions";
import type { ManualRole, Transition, TransitionTrigger, WorkflowDefinition } from "./definition.schema";
import type { OrderFacts, OrderField } from "./order-fields";

/** What happened: the engine finished a state's actions, an event arrived, or a user clicked. */
export type TriggerInput =
  | { kind: "automatic" }
  | { kind: "event"; event: string }
  /** `transitionId` picks the button the user pressed when several manual exits exist. */
  | { kind: "manual"; role: ManualRole; transitionId?: string };

export type ChosenTransition = {
  transition: Transition;
  /** Description of the guard that decided: the guard text, "default" or "always" (unguarded). */
  firedGuard: string;
  /** Facts read by every guard evaluated on the way, including the ones that did not match. */
  inputs: Partial<OrderFacts>;
};

// Admins can do anything a merchandiser can; not the other way around.
const ROLE_RANK: Record<ManualRole, number> = { merchandiser: 1, admin: 2 };

export function triggerMatches(trigger: TransitionTrigger, input: TriggerInput): boolean {
  if (trigger.kind === "automatic") return input.kind === "automatic";
  if (trigger.kind === "event") return input.kind === "event" && input.event === trigger.event;
  return input.kind === "manual" && ROLE_RANK[input.role] >= ROLE_RANK[trigger.role];
}

/** Evaluation order: ascending priority, then id, so equal priorities never flap. */
export function compareTransitions(a: Transition, b: Transition): number {
  return a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function copyFact<K extends OrderField>(to: Partial<OrderFacts>, from: OrderFacts, key: K): void {
  to[key] = from[key];
}

/**
 * Picks the transition out of `stateId` for `trigger`: non-default candidates are tried in
 * priority order (first matching guard, or first unguarded one, wins); the default is taken
 * only when none match. Returns null when nothing applies — the order stays where it is.
 * Throws ConditionError for guards that cannot be evaluated (see validateDefinition).
 */
export function chooseTransition(definition: WorkflowDefinition, stateId: string, facts: OrderFacts, trigger: TriggerInput): ChosenTransition | null {
  const candidates = definition.transitions
    .filter((t) => t.from === stateId && triggerMatches(t.trigger, trigger))
    .filter((t) => trigger.kind !== "manual" || !trigger.transitionId || t.id === trigger.transitionId)
    .sort(compareTransitions);
  const reads = new Set<OrderField>();
  const result = (transition: Transition, firedGuard: string): ChosenTransition => {
    const inputs: Partial<OrderFacts> = {};
    for (const key of reads) copyFact(inputs, facts, key);
    return { transition, firedGuard, inputs };
  };

  for (const t of candidates) {
    if (t.isDefault) continue;
    if (!t.guard) return result(t, "always");
    if (evaluateCondition(t.guard, facts, reads)) return result(t, describeCondition(t.guard));
  }
  const fallback = candidates.find((t) => t.isDefault);
  return fallback ? result(fallback, "default") : null;
}
