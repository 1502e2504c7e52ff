import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition } from "@/server/workflows/model";
import { commandForKey, KEY_HELP, stepState } from "./keyboard-commands";

const state = { kind: "state", id: "processing" } as const;
const transition = { kind: "transition", id: "t1" } as const;

describe("commandForKey", () => {
  it("undo / redo with Ctrl or ⌘, whatever is selected", () => {
    expect(commandForKey({ key: "z", ctrlKey: true }, null)).toEqual({ type: "undo" });
    expect(commandForKey({ key: "Z", metaKey: true, shiftKey: true }, null)).toEqual({ type: "redo" });
    expect(commandForKey({ key: "y", ctrlKey: true }, state)).toEqual({ type: "redo" });
    // Other shortcuts with a modifier stay the browser's (Ctrl+C copies, Ctrl+N opens a window).
    expect(commandForKey({ key: "c", ctrlKey: true }, state)).toBeNull();
    expect(commandForKey({ key: "n", metaKey: true }, null)).toBeNull();
  });

  it("creates, connects, edits and deletes by single keys", () => {
    expect(commandForKey({ key: "n" }, null)).toEqual({ type: "new-state" });
    expect(commandForKey({ key: "N", shiftKey: true }, null)).toEqual({ type: "new-state" });
    expect(commandForKey({ key: "c" }, state)).toEqual({ type: "connect" });
    expect(commandForKey({ key: "e" }, transition)).toEqual({ type: "edit" });
    expect(commandForKey({ key: "F2" }, state)).toEqual({ type: "edit" });
    expect(commandForKey({ key: "Delete" }, transition)).toEqual({ type: "delete" });
    expect(commandForKey({ key: "Backspace" }, state)).toEqual({ type: "delete" });
  });

  it("needs a selection for the commands that act on one", () => {
    expect(commandForKey({ key: "c" }, null)).toBeNull();
    expect(commandForKey({ key: "c" }, transition)).toBeNull(); // only a state has transitions out
    expect(commandForKey({ key: "e" }, null)).toBeNull();
    expect(commandForKey({ key: "Delete" }, null)).toBeNull();
    expect(commandForKey({ key: "Escape" }, null)).toBeNull();
    expect(commandForKey({ key: "Escape" }, state)).toEqual({ type: "deselect" });
  });

  it("steps through states, toggles live, lays out, fits, helps; leaves other keys alone", () => {
    expect(commandForKey({ key: "]" }, null)).toEqual({ type: "select-state", step: 1 });
    expect(commandForKey({ key: "[" }, state)).toEqual({ type: "select-state", step: -1 });
    expect(commandForKey({ key: "l" }, null)).toEqual({ type: "toggle-live" });
    expect(commandForKey({ key: "a" }, null)).toEqual({ type: "auto-layout" });
    expect(commandForKey({ key: "f" }, null)).toEqual({ type: "fit-view" });
    expect(commandForKey({ key: "?", shiftKey: true }, null)).toEqual({ type: "help" });
    expect(commandForKey({ key: "x" }, state)).toBeNull();
    expect(commandForKey({ key: "ArrowLeft" }, state)).toBeNull(); // React Flow moves a focused node with arrows
    expect(commandForKey({ key: "n", altKey: true }, null)).toBeNull();
  });

  it("documents every single-key command it knows", () => {
    const documented = KEY_HELP.map((h) => h.keys).join(" ");
    for (const k of ["N", "C", "E", "F2", "Delete", "Esc", "L", "A", "F", "?", "]", "["]) expect(documented).toContain(k);
  });
});

describe("stepState", () => {
  const def = defaultWorkflowDefinition({ approvalThresholdMinor: 1 });
  const ids = def.states.map((s) => s.id);
  it("starts at the first (or last) state and wraps around", () => {
    expect(stepState(def, null, 1)).toBe(ids[0]);
    expect(stepState(def, null, -1)).toBe(ids.at(-1));
    expect(stepState(def, { kind: "state", id: ids[0]! }, -1)).toBe(ids.at(-1));
    expect(stepState(def, { kind: "state", id: ids.at(-1)! }, 1)).toBe(ids[0]);
    expect(stepState(def, { kind: "state", id: ids[1]! }, 1)).toBe(ids[2]);
  });
  it("is null for an empty definition", () => {
    expect(stepState({ ...def, states: [] }, null, 1)).toBeNull();
  });
});
