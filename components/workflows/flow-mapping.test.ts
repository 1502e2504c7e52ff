import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition, sampleOrderFacts, simulate } from "@/server/workflows/model";
import { designerProblems, erroredIds, problemsByState } from "./designer-problems";
import { newAction } from "./definition-edits";
import { highlightOf, NO_HIGHLIGHT, toFlowEdges, toFlowNodes } from "./flow-mapping";
import { selectionOfEdge, selectionOfProblem, stateOfSelection } from "./selection";

const def = defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });
const nodeOpts = {
  measured: {},
  dragging: {},
  selectedStateId: null,
  selectedActionId: null,
  problems: new Map(),
  erroredIds: new Set<string>(),
  highlight: NO_HIGHLIGHT,
  dropTargetId: null,
};

describe("definition → React Flow", () => {
  it("makes one node per state at its stored position, live drag positions winning", () => {
    const nodes = toFlowNodes(def, { ...nodeOpts, dragging: { shipped: { x: 1, y: 2 } }, measured: { created: { width: 224, height: 44 } } });
    expect(nodes).toHaveLength(def.states.length);
    expect(nodes.find((n) => n.id === "validation")?.position).toEqual({ x: 320, y: 0 });
    expect(nodes.find((n) => n.id === "shipped")?.position).toEqual({ x: 1, y: 2 });
    expect(nodes.find((n) => n.id === "created")?.measured).toEqual({ width: 224, height: 44 });
  });

  it("falls back to auto-layout for states without a position", () => {
    const noPos = { ...def, states: def.states.map(({ position: _, ...s }) => s) };
    const nodes = toFlowNodes(noPos, nodeOpts);
    expect(nodes.find((n) => n.id === "validation")?.position).toEqual({ x: 320, y: 0 });
  });

  it("draws transitions, timeouts and fallbacks with their labels", () => {
    const edges = toFlowEdges(def, { selectedEdgeId: null, erroredIds: new Set(), highlight: NO_HIGHLIGHT });
    const review = edges.find((e) => e.id === "t_validation_review");
    expect(review?.data).toMatchObject({ kind: "transition", trigger: "auto", guard: "total > 50000" });
    expect(edges.find((e) => e.id === "t_validation_processing")?.data?.guard).toBe("default");
    expect(edges.find((e) => e.id === "t_ready_shipped")?.data?.trigger).toBe("on order/shipped");
    expect(edges.find((e) => e.id === "manual_review:timeout")?.data).toMatchObject({ kind: "timeout", trigger: "timeout 2d" });
    expect(edges.find((e) => e.id === "a_reserve_inventory:on_failure")?.data).toMatchObject({
      kind: "on_failure",
      trigger: "Reserve inventory fails",
      guard: null,
    });
  });

  it("fans out edges between the same two states", () => {
    const edges = toFlowEdges(def, { selectedEdgeId: null, erroredIds: new Set(), highlight: NO_HIGHLIGHT });
    // payment_failed → cancelled: a manual transition, the notify fallback and the timeout.
    const offsets = edges.filter((e) => e.source === "payment_failed" && e.target === "cancelled").map((e) => e.data?.offset);
    expect(offsets).toEqual([-1, 0, 1]);
    expect(edges.find((e) => e.id === "t_created_validation")?.data?.offset).toBe(0);
  });

  it("highlights a simulated path", () => {
    const result = simulate(def, sampleOrderFacts({ total: 90_000 }));
    const h = highlightOf(result);
    expect([...h.states]).toEqual(["created", "validation", "manual_review"]);
    const edges = toFlowEdges(def, { selectedEdgeId: null, erroredIds: new Set(), highlight: h });
    expect(edges.filter((e) => e.data?.highlighted).map((e) => e.id)).toEqual(["t_created_validation", "t_validation_review"]);
  });
});

describe("selections and problems", () => {
  it("maps edge ids to what they stand for", () => {
    expect(selectionOfEdge("t_x")).toEqual({ kind: "transition", id: "t_x" });
    expect(selectionOfEdge("backordered:timeout")).toEqual({ kind: "timeout", stateId: "backordered" });
    expect(selectionOfEdge("a_capture_payment:on_failure")).toEqual({ kind: "fallback", actionId: "a_capture_payment" });
    expect(stateOfSelection(def, { kind: "fallback", actionId: "a_capture_payment" })).toBe("processing");
  });

  it("reports shape errors at the element and counts action problems on their state", () => {
    const broken = structuredClone(def);
    const hook = newAction("webhook", "a_hook");
    if (hook.type === "webhook") hook.params.url = "not a url";
    broken.states.find((s) => s.id === "ready_to_ship")?.actions.push([hook]);
    const { problems, parses } = designerProblems(broken);
    expect(parses).toBe(false);
    const shape = problems.find((p) => p.code === "invalid_field");
    expect(shape).toMatchObject({ elementKind: "action", elementId: "a_hook", severity: "error" });
    expect(shape?.message).toMatch(/^url: /);
    expect(problemsByState(broken, problems).get("ready_to_ship")?.errors).toBeGreaterThanOrEqual(1);
    expect(erroredIds(problems).has("a_hook")).toBe(true);
    expect(selectionOfProblem(broken, shape!)).toEqual({ kind: "action", id: "a_hook" });
  });

  it("the default workflow has no problems", () => expect(designerProblems(def)).toEqual({ problems: [], parses: true }));
});
