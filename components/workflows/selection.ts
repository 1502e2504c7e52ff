import type { Problem, WorkflowDefinition } from "@/server/workflows/model";
import { findAction } from "./definition-edits";

/**
 * What the inspector shows and Delete removes. Timeout and fallback edges are their own
 * selections so deleting a dashed edge removes that timeout/fallback, not its state.
 */
export type Selection =
  | { kind: "state"; id: string }
  | { kind: "action"; id: string }
  | { kind: "transition"; id: string }
  | { kind: "timeout"; stateId: string }
  | { kind: "fallback"; actionId: string }
  | null;

/** Flow edge id (see workflowEdges) → the selection it stands for. */
export function selectionOfEdge(edgeId: string): Selection {
  if (edgeId.endsWith(":timeout")) return { kind: "timeout", stateId: edgeId.slice(0, -":timeout".length) };
  if (edgeId.endsWith(":on_failure")) return { kind: "fallback", actionId: edgeId.slice(0, -":on_failure".length) };
  return { kind: "transition", id: edgeId };
}

export function edgeIdOfSelection(sel: Selection): string | null {
  if (sel?.kind === "transition") return sel.id;
  if (sel?.kind === "timeout") return `${sel.stateId}:timeout`;
  if (sel?.kind === "fallback") return `${sel.actionId}:on_failure`;
  return null;
}

/** The state a selection lives in (for highlighting and centring), if any. */
export function stateOfSelection(def: WorkflowDefinition, sel: Selection): string | null {
  if (!sel) return null;
  if (sel.kind === "state") return sel.id;
  if (sel.kind === "timeout") return sel.stateId;
  if (sel.kind === "transition") return def.transitions.find((t) => t.id === sel.id)?.from ?? null;
  const actionId = sel.kind === "action" ? sel.id : sel.actionId;
  return findAction(def, actionId)?.state.id ?? null;
}

/** Where clicking a problem takes you. Definition-wide problems (no element) select nothing. */
export function selectionOfProblem(def: WorkflowDefinition, p: Pick<Problem, "elementId" | "elementKind">): Selection {
  if (p.elementId === null) return null;
  if (p.elementKind === "state") return def.states.some((s) => s.id === p.elementId) ? { kind: "state", id: p.elementId } : null;
  if (p.elementKind === "transition") return def.transitions.some((t) => t.id === p.elementId) ? { kind: "transition", id: p.elementId } : null;
  return findAction(def, p.elementId) ? { kind: "action", id: p.elementId } : null;
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
