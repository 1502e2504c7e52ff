import { describe, expect, it } from "vitest";
import { canRedo, canUndo, HISTORY_LIMIT, historyReducer, initHistory } from "./history";

const edit = (next: string, coalesce?: string) => ({ type: "edit" as const, next, coalesce });

describe("historyReducer", () => {
  it("undoes and redoes edits in order", () => {
    let h = initHistory("a");
    h = historyReducer(h, edit("b"));
    h = historyReducer(h, edit("c"));
    expect(h.present).toBe("c");
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe("b");
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe("a");
    expect(canUndo(h)).toBe(false);
    h = historyReducer(h, { type: "redo" });
    expect(h.present).toBe("b");
    expect(canRedo(h)).toBe(true);
  });

  it("drops the redo branch on a new edit", () => {
    let h = historyReducer(historyReducer(initHistory("a"), edit("b")), { type: "undo" });
    h = historyReducer(h, edit("x"));
    expect(h.future).toEqual([]);
    expect(h.past).toEqual(["a"]);
  });

  it("coalesces consecutive edits with the same key into one step", () => {
    let h = initHistory("");
    for (const text of ["P", "Pa", "Pac", "Pack"]) h = historyReducer(h, edit(text, "label:s1"));
    h = historyReducer(h, edit("Pack!", "label:s2"));
    expect(h.past).toEqual(["", "Pack"]);
    h = historyReducer(h, { type: "undo" });
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe("");
  });

  it("does not coalesce across an undo", () => {
    let h = historyReducer(initHistory("a"), edit("ab", "k"));
    h = historyReducer(h, { type: "undo" });
    h = historyReducer(h, edit("ac", "k"));
    expect(h.past).toEqual(["a"]);
    expect(h.present).toBe("ac");
  });

  it("ignores no-op undo/redo and identical edits", () => {
    const h = initHistory("a");
    expect(historyReducer(h, { type: "undo" })).toBe(h);
    expect(historyReducer(h, { type: "redo" })).toBe(h);
    expect(historyReducer(h, edit("a"))).toBe(h);
  });

  it("keeps at most HISTORY_LIMIT steps", () => {
    let h = initHistory(0 as number);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = historyReducer(h, { type: "edit", next: i });
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });

  it("reset clears both stacks", () => {
    const h = historyReducer(historyReducer(initHistory("a"), edit("b")), { type: "reset", present: "z" });
    expect(h).toEqual({ past: [], present: "z", future: [], lastKey: null });
  });
});
