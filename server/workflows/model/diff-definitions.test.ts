import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition } from "./default-workflow";
import { diffDefinitions } from "./diff-definitions";

const live = defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });

describe("diffDefinitions", () => {
  it("finds nothing between equal definitions, even with keys in another order", () => {
    const reordered = structuredClone(live);
    // Postgres jsonb does not keep key order, so nested objects may come back shuffled.
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    reordered.states = reordered.states.map((st) => reverseKeys(st) as typeof st);
    reordered.transitions = reordered.transitions.map((t) => reverseKeys(t) as typeof t);
    expect(diffDefinitions(live, structuredClone(live)).isEmpty).toBe(true);
    expect(diffDefinitions(live, reordered).isEmpty).toBe(true);
  });

  it("reports a changed guard with the field that changed", () => {
    const draft = defaultWorkflowDefinition({ approvalThresholdMinor: 80_000 });
    const diff = diffDefinitions(live, draft);
    expect(diff.isEmpty).toBe(false);
    expect(diff.states).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.transitions.changed).toEqual([expect.objectContaining({ id: "t_validation_review", fields: ["guard"] })]);
  });

  it("reports added and removed states and transitions", () => {
    const draft = structuredClone(live);
    draft.states.push({ id: "on_hold", label: "On hold", kind: "normal", actions: [] });
    draft.transitions = draft.transitions.filter((t) => t.id !== "t_review_cancel");
    draft.transitions.push({
      id: "t_hold",
      from: "manual_review",
      to: "on_hold",
      trigger: { kind: "manual", role: "admin" },
      priority: 40,
    });
    const diff = diffDefinitions(live, draft);
    expect(diff.states.added.map((s) => s.id)).toEqual(["on_hold"]);
    expect(diff.transitions.added.map((t) => t.id)).toEqual(["t_hold"]);
    expect(diff.transitions.removed.map((t) => t.id)).toEqual(["t_review_cancel"]);
    expect(diff.states.removed).toEqual([]);
  });

  it("ignores layout moves unless asked", () => {
    const moved = structuredClone(live);
    moved.states[0]!.position = { x: 999, y: 999 };
    moved.states[1]!.label = "Checks";
    expect(diffDefinitions(live, moved).states.changed).toEqual([expect.objectContaining({ id: "validation", fields: ["label"] })]);
    const withLayout = diffDefinitions(live, moved, { includeLayout: true }).states.changed;
    expect(withLayout.map((c) => [c.id, c.fields])).toEqual([
      ["created", ["position"]],
      ["validation", ["label"]],
    ]);
  });
});
