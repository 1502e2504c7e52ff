import type { WorkflowAction, WorkflowDefinition } from "./definition.schema";
import { type DefinitionDiff, diffDefinitions } from "./diff-definitions";

export type ChangeKind = "added" | "removed" | "changed";
export type SemanticChange = {
  kind: ChangeKind;
  /** What changed: a state, an edge (transition), a guard, an action, or an action's retry policy. */
  element: "state" | "edge" | "guard" | "action" | "retry_policy";
  id: string;
  /** Where it lives, e.g. the state of an action or the transition of a guard. */
  in?: string;
  /** For `changed`: the fields that differ. */
  fields?: string[];
};
export type SemanticDiff = DefinitionDiff & { changes: SemanticChange[] };

const json = (v: unknown) => JSON.stringify(v ?? null);

function actionsOf(d: WorkflowDefinition): Map<string, { state: string; action: WorkflowAction }> {
  const m = new Map<string, { state: string; action: WorkflowAction }>();
  for (const s of d.states) for (const group of s.actions) for (const action of group) m.set(`${s.id}/${action.id}`, { state: s.id, action });
  return m;
}

/**
 * Any two versions compared element by element (matched by id; layout ignored): states and
 * edges as diffDefinitions reports them, plus the finer changes a reviewer looks for — guards
 * added, removed or changed on an edge present in both, actions added/removed/changed within a
 * state, and retry policies changed on an action present in both.
 */
export function semanticDiff(a: WorkflowDefinition, b: WorkflowDefinition): SemanticDiff {
  const base = diffDefinitions(a, b);
  const changes: SemanticChange[] = [];
  const push = (kind: ChangeKind, element: SemanticChange["element"], id: string, extra: Partial<SemanticChange> = {}) =>
    changes.push({ kind, element, id, ...extra });
  for (const s of base.states.added) push("added", "state", s.id);
  for (const s of base.states.removed) push("removed", "state", s.id);
  for (const c of base.states.changed) push("changed", "state", c.id, { fields: c.fields });
  for (const t of base.transitions.added) push("added", "edge", t.id, { in: `${t.from} → ${t.to}` });
  for (const t of base.transitions.removed) push("removed", "edge", t.id, { in: `${t.from} → ${t.to}` });
  for (const c of base.transitions.changed) {
    push("changed", "edge", c.id, { fields: c.fields, in: `${c.after.from} → ${c.after.to}` });
    if (!c.fields.includes("guard")) continue;
    const kind: ChangeKind = c.before.guard === undefined ? "added" : c.after.guard === undefined ? "removed" : "changed";
    push(kind, "guard", c.id, { in: c.id });
  }
  const before = actionsOf(a);
  const after = actionsOf(b);
  for (const [key, x] of after) {
    const prev = before.get(key);
    if (!prev) {
      push("added", "action", x.action.id, { in: x.state });
      continue;
    }
    const fields = (["type", "params", "onFailure", "retry"] as const).filter((f) => json(prev.action[f]) !== json(x.action[f]));
    if (fields.length > 0) push("changed", "action", x.action.id, { in: x.state, fields: [...fields] });
    if (fields.includes("retry")) {
      const keys = Object.keys({ ...prev.action.retry, ...x.action.retry }) as (keyof WorkflowAction["retry"])[];
      push("changed", "retry_policy", x.action.id, { in: x.state, fields: keys.filter((k) => prev.action.retry[k] !== x.action.retry[k]).sort() });
    }
  }
  for (const [key, x] of before) if (!after.has(key)) push("removed", "action", x.action.id, { in: x.state });
  return { ...base, changes };
}
