import type { WorkflowDefinition } from "./definition.schema";

/**
 * Every way an order can move between states. Timeouts and action fallbacks count too:
 * a state only reachable through a payment failure is still reachable.
 */
export type WorkflowEdge = {
  /** Transition id, `<stateId>:timeout` or `<actionId>:on_failure`. */
  id: string;
  from: string;
  to: string;
  kind: "transition" | "timeout" | "on_failure";
};

export function workflowEdges(def: WorkflowDefinition): WorkflowEdge[] {
  const edges: WorkflowEdge[] = def.transitions.map((t) => ({ id: t.id, from: t.from, to: t.to, kind: "transition" }));
  for (const state of def.states) {
    if (state.timeout) {
      edges.push({ id: `${state.id}:timeout`, from: state.id, to: state.timeout.transitionTo, kind: "timeout" });
    }
    for (const action of state.actions.flat()) {
      if (action.onFailure) {
        edges.push({
          id: `${action.id}:on_failure`,
          from: state.id,
          to: action.onFailure.transitionTo,
          kind: "on_failure",
        });
      }
    }
  }
  return edges;
}

/** Breadth-first distance (in edges) from `start`; unreachable states are absent. */
export function bfsLayers(def: WorkflowDefinition, start: string): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const e of workflowEdges(def)) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const known = new Set(def.states.map((s) => s.id));
  const depth = new Map<string, number>([[start, 0]]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const to of next.get(id) ?? []) {
      if (known.has(to) && !depth.has(to)) {
        depth.set(to, (depth.get(id) ?? 0) + 1);
        queue.push(to);
      }
    }
  }
  return depth;
}
