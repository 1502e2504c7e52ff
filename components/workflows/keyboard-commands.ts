import type { WorkflowDefinition } from "@/server/workflows/model";
import type { Selection } from "./selection";

/** The designer's keyboard commands (window-level; not while typing in a field). */
export type KeyCommand =
  | { type: "undo" }
  | { type: "redo" }
  | { type: "delete" }
  | { type: "deselect" }
  | { type: "new-state" }
  | { type: "connect" }
  | { type: "edit" }
  | { type: "select-state"; step: 1 | -1 }
  | { type: "toggle-live" }
  | { type: "auto-layout" }
  | { type: "fit-view" }
  | { type: "help" };

export type KeyInput = { key: string; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean };

/** Shown by the "?" help and in docs/workflows.md; `keys` as the user presses them. */
export const KEY_HELP: ReadonlyArray<{ keys: string; does: string }> = [
  { keys: "N", does: "New state (at the centre of the view), selected" },
  { keys: "] / [", does: "Select the next / previous state" },
  { keys: "Tab, then Enter", does: "Move focus over states and edge labels; Enter selects" },
  { keys: "C", does: "Connect the selected state to another (a new transition)" },
  { keys: "E or F2", does: "Edit the selection in the inspector (focus its first field)" },
  { keys: "Delete / Backspace", does: "Delete the selected state, transition or action" },
  { keys: "Esc", does: "Clear the selection, close a dialog" },
  { keys: "Ctrl/⌘+Z, Ctrl/⌘+Shift+Z", does: "Undo, redo" },
  { keys: "L", does: "Live mode on / off" },
  { keys: "A", does: "Auto-layout" },
  { keys: "F", does: "Fit the graph to the view" },
  { keys: "?", does: "This help" },
];

/** Which command a key press means, given what is selected; null: not ours (let the browser have it). */
export function commandForKey(e: KeyInput, selection: Selection): KeyCommand | null {
  const mod = Boolean(e.metaKey || e.ctrlKey);
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod) {
    if (key === "z") return { type: e.shiftKey ? "redo" : "undo" };
    if (key === "y") return { type: "redo" };
    return null;
  }
  if (e.altKey) return null;
  if (e.key === "?") return { type: "help" };
  if (key === "Escape") return selection ? { type: "deselect" } : null;
  if (key === "Delete" || key === "Backspace") return selection ? { type: "delete" } : null;
  if (key === "F2" || key === "e") return selection ? { type: "edit" } : null;
  if (key === "c") return selection?.kind === "state" ? { type: "connect" } : null;
  if (key === "n") return { type: "new-state" };
  if (key === "]") return { type: "select-state", step: 1 };
  if (key === "[") return { type: "select-state", step: -1 };
  if (key === "l") return { type: "toggle-live" };
  if (key === "a") return { type: "auto-layout" };
  if (key === "f") return { type: "fit-view" };
  return null;
}

/** The state `step` away from the selected one in definition order (wrapping); the first when none is selected. */
export function stepState(def: WorkflowDefinition, selection: Selection, step: 1 | -1): string | null {
  const ids = def.states.map((s) => s.id);
  if (ids.length === 0) return null;
  const current = selection?.kind === "state" ? ids.indexOf(selection.id) : -1;
  if (current === -1) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[(current + step + ids.length) % ids.length]!;
}
