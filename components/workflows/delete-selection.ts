import type { WorkflowDefinition } from "@/server/workflows/model";
import { removeAction } from "./action-group-edits";
import { removeState, removeTransition, updateAction, updateState } from "./definition-edits";
import type { Selection } from "./selection";

/** What the Delete key does: remove exactly the selected thing (a dashed edge removes only its timeout/fallback). */
export function deleteSelection(def: WorkflowDefinition, sel: Selection): WorkflowDefinition {
  if (!sel) return def;
  switch (sel.kind) {
    case "state":
      return removeState(def, sel.id);
    case "transition":
      return removeTransition(def, sel.id);
    case "action":
      return removeAction(def, sel.id);
    case "timeout":
      return updateState(def, sel.stateId, ({ timeout: _, ...s }) => s);
    case "fallback":
      return updateAction(def, sel.actionId, ({ onFailure: _, ...a }) => a);
  }
}
