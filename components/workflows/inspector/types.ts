import type { WorkflowDefinition } from "@/server/workflows/model";
import type { Selection } from "../selection";

/**
 * How inspectors change the draft: a pure update of the whole definition. Edits with the
 * same `coalesce` key in a row become one undo step (typing in one field).
 */
export type Edit = (fn: (def: WorkflowDefinition) => WorkflowDefinition, coalesce?: string) => void;

export type InspectorProps = { def: WorkflowDefinition; edit: Edit; select: (sel: Selection) => void };

export const stateOptions = (def: WorkflowDefinition, exclude?: string) =>
  def.states.filter((s) => s.id !== exclude).map((s) => ({ value: s.id, label: `${s.label} (${s.id})` }));
