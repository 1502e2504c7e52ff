import { describe, expect, it } from "vitest";
import { autoLayout, LAYOUT_SPACING, withAutoLayout } from "./auto-layout";
import { defaultWorkflowDefinition } from "./default-workflow";

const def = defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });

describe("autoLayout", () => {
  it("places states in BFS columns from the initial state, left to right", () => {
    const p = autoLayout(def);
    const col = (id: string) => (p[id]?.x ?? Number.NaN) / LAYOUT_SPACING.column;
    expect(Object.keys(p).sort()).toEqual(def.states.map((s) => s.id).sort());
    expect([col("created"), col("validation"), col("processing"), col("ready_to_ship"), col("shipped")]).toEqual([0, 1, 2, 3, 4]);
    expect(col("rejected")).toBe(2);
    expect(col("payment_failed")).toBe(3);
  });

  it("centres each column and never stacks two states on one spot", () => {
    const p = Object.values(autoLayout(def));
    expect(new Set(p.map((q) => `${q.x},${q.y}`)).size).toBe(p.length);
    const column2 = p.filter((q) => q.x === 2 * LAYOUT_SPACING.column).map((q) => q.y);
    expect(column2.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it("puts unreachable states in an extra column on the right", () => {
    const d = structuredClone(def);
    d.states.push({ id: "orphan", label: "Orphan", kind: "normal", actions: [] });
    expect(autoLayout(d).orphan?.x).toBe(5 * LAYOUT_SPACING.column);
  });

  it("withAutoLayout writes the positions into the definition", () => {
    const laid = withAutoLayout(def);
    expect(laid.states.find((s) => s.id === "validation")?.position).toEqual({ x: LAYOUT_SPACING.column, y: 0 });
  });
});
