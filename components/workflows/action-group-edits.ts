import type { WorkflowAction, WorkflowDefinition } from "@/server/workflows/model";
import { findAction, updateState } from "./definition-edits";

/**
 * Edits of a state's action groups: the actions of a group run in parallel (∥) and are
 * joined; groups run one after another. Empty groups are never left behind (the schema
 * requires at least one action per group).
 */

export function removeAction(def: WorkflowDefinition, actionId: string): WorkflowDefinition {
  return mapGroups(def, actionId, (groups) => groups.map((g) => g.filter((a) => a.id !== actionId)));
}

/** ∥: run the action in parallel with the group before it. */
export function joinPreviousGroup(def: WorkflowDefinition, actionId: string): WorkflowDefinition {
  const loc = findAction(def, actionId);
  if (!loc || loc.group === 0) return def;
  return mapGroups(def, actionId, (groups) =>
    groups.map((g, i) => (i === loc.group - 1 ? [...g, loc.action] : i === loc.group ? g.filter((a) => a.id !== actionId) : g)),
  );
}

/** Takes the action out of its parallel group into its own group right after it. */
export function splitToOwnGroup(def: WorkflowDefinition, actionId: string): WorkflowDefinition {
  const loc = findAction(def, actionId);
  if (!loc || (loc.state.actions[loc.group]?.length ?? 0) < 2) return def;
  return mapGroups(def, actionId, (groups) => groups.flatMap((g, i) => (i === loc.group ? [g.filter((a) => a.id !== actionId), [loc.action]] : [g])));
}

/** Moves a whole group one step earlier (-1) or later (+1) in the sequence. */
export function moveGroup(def: WorkflowDefinition, actionId: string, delta: -1 | 1): WorkflowDefinition {
  const loc = findAction(def, actionId);
  const target = loc ? loc.group + delta : -1;
  if (!loc || target < 0 || target >= loc.state.actions.length) return def;
  return mapGroups(def, actionId, (groups) => {
    const next = [...groups];
    [next[loc.group], next[target]] = [groups[target] ?? [], groups[loc.group] ?? []];
    return next;
  });
}

function mapGroups(def: WorkflowDefinition, actionId: string, fn: (groups: WorkflowAction[][]) => WorkflowAction[][]): WorkflowDefinition {
  const loc = findAction(def, actionId);
  if (!loc) return def;
  // Empty groups would fail the schema (a group has at least one action).
  return updateState(def, loc.state.id, (s) => ({ ...s, actions: fn(s.actions).filter((g) => g.length > 0) }));
}
