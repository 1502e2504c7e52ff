import type { Transition, WorkflowDefinition, WorkflowState } from "./definition.schema";

export type ElementChange<T> = { id: string; before: T; after: T; fields: string[] };
export type ElementDiff<T> = { added: T[]; removed: T[]; changed: Array<ElementChange<T>> };
export type DefinitionDiff = {
  states: ElementDiff<WorkflowState>;
  transitions: ElementDiff<Transition>;
  isEmpty: boolean;
};

/** JSON with sorted keys and undefined dropped, so equal content compares equal. */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== "object") return v;
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, x]) => [k, sort(x)]));
  };
  return JSON.stringify(sort(value)) ?? "undefined";
}

function diffById<T extends { id: string }>(a: readonly T[], b: readonly T[], ignored: ReadonlySet<string>): ElementDiff<T> {
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Map(b.map((x) => [x.id, x]));
  const changed: Array<ElementChange<T>> = [];
  for (const [id, next] of after) {
    const prev = before.get(id);
    if (!prev) continue;
    const keys = [...new Set([...Object.keys(prev), ...Object.keys(next)])].filter((k) => !ignored.has(k));
    const fields = keys.filter((k) => canonical((prev as Record<string, unknown>)[k]) !== canonical((next as Record<string, unknown>)[k]));
    if (fields.length > 0) changed.push({ id, before: prev, after: next, fields: fields.sort() });
  }
  return {
    added: b.filter((x) => !before.has(x.id)),
    removed: a.filter((x) => !after.has(x.id)),
    changed,
  };
}

/**
 * What publishing `b` over the live `a` would change, matched by id. Node positions are
 * ignored by default: moving boxes in the designer is not a behaviour change worth reviewing.
 */
export function diffDefinitions(a: WorkflowDefinition, b: WorkflowDefinition, options: { includeLayout?: boolean } = {}): DefinitionDiff {
  const ignored = new Set(options.includeLayout ? [] : ["position"]);
  const states = diffById(a.states, b.states, ignored);
  const transitions = diffById(a.transitions, b.transitions, ignored);
  const size = (d: ElementDiff<unknown>) => d.added.length + d.removed.length + d.changed.length;
  return { states, transitions, isEmpty: size(states) + size(transitions) === 0 };
}
