import {
  type ActionType,
  type RetryPolicy,
  type StatePosition,
  type Transition,
  type WorkflowAction,
  type WorkflowDefinition,
  type WorkflowState,
} from "@/server/workflows/model";

/**
 * Pure edits the designer applies to a definition. Each returns a new definition (never
 * mutates), so the history stack can keep old ones. References (transition ends, timeout
 * and fallback targets) are left dangling on purpose when a state goes away:
 * validateDefinition then points at everything that needs fixing.
 */

export const PALETTE_STATES = {
  state: { label: "State", kind: "normal" },
  terminal: { label: "Terminal state", kind: "terminal" },
  review: { label: "Manual review state", kind: "normal" },
} as const;
export type PaletteStateVariant = keyof typeof PALETTE_STATES;

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, initialIntervalMs: 1_000, backoffRate: 2, maxIntervalMs: 30_000 };
const DAY = 86_400;

/** A schema-valid action of `type` with sensible params the user then edits. */
export function newAction(type: ActionType, id: string): WorkflowAction {
  const base = { id, retry: { ...DEFAULT_RETRY } };
  switch (type) {
    case "webhook":
      return { ...base, type, params: { url: "https://example.com/hooks/orders", secretName: "WEBHOOK_SECRET" } };
    case "notify":
      return { ...base, type, params: { template: "order_update", channel: "email" } };
    case "require_approval":
      return { ...base, type, params: { approverRole: "merchandiser", timeoutSeconds: 2 * DAY } };
    default:
      return { ...base, type, params: {} };
  }
}

export function allIds(def: WorkflowDefinition): Set<string> {
  return new Set([
    ...def.states.map((s) => s.id),
    ...def.transitions.map((t) => t.id),
    ...def.states.flatMap((s) => s.actions.flat().map((a) => a.id)),
  ]);
}

/** `base` if free, else base_2, base_3 … (ids share one namespace to keep them unambiguous). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

export function addState(
  def: WorkflowDefinition,
  variant: PaletteStateVariant,
  position: StatePosition,
): { def: WorkflowDefinition; stateId: string } {
  const taken = allIds(def);
  const { label: baseLabel, kind } = PALETTE_STATES[variant];
  const stem = variant === "review" ? "review" : variant === "terminal" ? "done" : "state";
  const id = uniqueId(stem, taken);
  const sameKind = def.states.filter((s) => s.label.startsWith(baseLabel)).length;
  const label = sameKind === 0 ? baseLabel : `${baseLabel} ${sameKind + 1}`;
  // A review state comes with its approval step; validation then asks for the timeout it needs.
  const actions = variant === "review" ? [[newAction("require_approval", uniqueId(`a_${id}_approval`, taken))]] : [];
  const state: WorkflowState = {
    id,
    label,
    kind,
    position: roundPosition(position),
    actions,
    ...(variant === "review" ? { manualReview: true } : {}),
  };
  return { def: { ...def, states: [...def.states, state] }, stateId: id };
}

export function roundPosition(p: StatePosition): StatePosition {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

/** Appends the action as a new sequential group (the inspector can join it to the previous group). */
export function addAction(def: WorkflowDefinition, stateId: string, type: ActionType): { def: WorkflowDefinition; actionId: string } {
  const actionId = uniqueId(`a_${stateId}_${type}`, allIds(def));
  const states = def.states.map((s) => (s.id === stateId ? { ...s, actions: [...s.actions, [newAction(type, actionId)]] } : s));
  return { def: { ...def, states }, actionId };
}

export function connectStates(def: WorkflowDefinition, from: string, to: string): { def: WorkflowDefinition; transitionId: string } {
  const transitionId = uniqueId(`t_${from}_${to}`, allIds(def));
  const outgoing = def.transitions.filter((t) => t.from === from);
  // After the existing exits, so adding an edge never changes which transition wins today.
  const priority = outgoing.length === 0 ? 0 : Math.max(...outgoing.map((t) => t.priority)) + 10;
  const transition: Transition = { id: transitionId, from, to, trigger: { kind: "automatic" }, priority };
  return { def: { ...def, transitions: [...def.transitions, transition] }, transitionId };
}

export function updateState(def: WorkflowDefinition, id: string, fn: (s: WorkflowState) => WorkflowState): WorkflowDefinition {
  return { ...def, states: def.states.map((s) => (s.id === id ? fn(s) : s)) };
}

export function updateTransition(def: WorkflowDefinition, id: string, fn: (t: Transition) => Transition): WorkflowDefinition {
  return { ...def, transitions: def.transitions.map((t) => (t.id === id ? fn(t) : t)) };
}

export function updateAction(def: WorkflowDefinition, id: string, fn: (a: WorkflowAction) => WorkflowAction): WorkflowDefinition {
  return {
    ...def,
    states: def.states.map((s) =>
      s.actions.some((g) => g.some((a) => a.id === id)) ? { ...s, actions: s.actions.map((g) => g.map((a) => (a.id === id ? fn(a) : a))) } : s,
    ),
  };
}

export type ActionLocation = { state: WorkflowState; group: number; index: number; action: WorkflowAction };

export function findAction(def: WorkflowDefinition, actionId: string): ActionLocation | null {
  for (const state of def.states) {
    for (const [group, actions] of state.actions.entries()) {
      const index = actions.findIndex((a) => a.id === actionId);
      const action = actions[index];
      if (action) return { state, group, index, action };
    }
  }
  return null;
}

export function removeState(def: WorkflowDefinition, id: string): WorkflowDefinition {
  return {
    ...def,
    states: def.states.filter((s) => s.id !== id),
    transitions: def.transitions.filter((t) => t.from !== id && t.to !== id),
  };
}

export function removeTransition(def: WorkflowDefinition, id: string): WorkflowDefinition {
  return { ...def, transitions: def.transitions.filter((t) => t.id !== id) };
}

/** Renames a state and every reference to it (transitions, timeouts, fallbacks). */
export function renameState(def: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  if (from === to) return def;
  const ref = (id: string) => (id === from ? to : id);
  return {
    ...def,
    states: def.states.map((s) => ({
      ...s,
      id: ref(s.id),
      ...(s.timeout ? { timeout: { ...s.timeout, transitionTo: ref(s.timeout.transitionTo) } } : {}),
      actions: s.actions.map((g) =>
        g.map((a) => (a.onFailure ? { ...a, onFailure: { ...a.onFailure, transitionTo: ref(a.onFailure.transitionTo) } } : a)),
      ),
    })),
    transitions: def.transitions.map((t) => ({ ...t, from: ref(t.from), to: ref(t.to) })),
  };
}

export const STATE_ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Why `next` cannot become the id of `current`, or null if it can. */
export function stateIdError(def: WorkflowDefinition, current: string, next: string): string | null {
  if (!STATE_ID_PATTERN.test(next)) return "Use lowercase letters, digits and _ (start with a letter)";
  if (next !== current && allIds(def).has(next)) return `"${next}" is already used`;
  return null;
}

/** Returns `def` itself when nothing moved, so a click that ends a zero-length drag adds no undo step. */
export function setPositions(def: WorkflowDefinition, positions: Record<string, StatePosition>): WorkflowDefinition {
  let moved = false;
  const states = def.states.map((s) => {
    const p = positions[s.id];
    if (!p) return s;
    const next = roundPosition(p);
    if (s.position && s.position.x === next.x && s.position.y === next.y) return s;
    moved = true;
    return { ...s, position: next };
  });
  return moved ? { ...def, states } : def;
}
