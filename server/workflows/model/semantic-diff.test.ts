import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition } from "./default-workflow";
import type { WorkflowDefinition } from "./definition.schema";
import { semanticDiff } from "./semantic-diff";

const base = () => defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });

describe("semanticDiff", () => {
  it("finds nothing between a version and itself, even with moved boxes", () => {
    const b = base();
    b.states[0]!.position = { x: 999, y: 999 };
    expect(semanticDiff(base(), b).changes).toEqual([]);
  });

  it("names added/removed states and edges, a changed guard and a changed retry policy", () => {
    const a = base();
    const b: WorkflowDefinition = structuredClone(a);
    b.states.push({ id: "on_hold", label: "On hold", kind: "normal", actions: [] });
    const dropped = b.transitions.pop()!;
    const guarded = b.transitions.find((t) => t.guard)!;
    guarded.guard = { field: "total", op: "gt", value: 1 };
    const processing = b.states.find((s) => s.id === "processing")!;
    const authorize = processing.actions[0]![0]!;
    authorize.retry = { ...authorize.retry, attempts: authorize.retry.attempts + 2 };

    const changes = semanticDiff(a, b).changes;
    expect(changes).toContainEqual({ kind: "added", element: "state", id: "on_hold" });
    expect(changes).toContainEqual(expect.objectContaining({ kind: "removed", element: "edge", id: dropped.id }));
    expect(changes).toContainEqual({ kind: "changed", element: "guard", id: guarded.id, in: guarded.id });
    expect(changes).toContainEqual({ kind: "changed", element: "retry_policy", id: authorize.id, in: "processing", fields: ["attempts"] });
    expect(changes).toContainEqual({ kind: "changed", element: "action", id: authorize.id, in: "processing", fields: ["retry"] });
  });

  it("reports an action moved out of a state as removed there", () => {
    const a = base();
    const b = structuredClone(a);
    const validation = b.states.find((s) => s.id === "validation")!;
    const removed = validation.actions.shift()![0]!;
    expect(semanticDiff(a, b).changes).toContainEqual({ kind: "removed", element: "action", id: removed.id, in: "validation" });
  });
});
