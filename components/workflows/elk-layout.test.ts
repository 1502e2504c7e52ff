import { describe, expect, it } from "vitest";
import { autoLayout, defaultWorkflowDefinition, type WorkflowDefinition } from "@/server/workflows/model";
import { countCrossings, DEFAULT_NODE_SIZE, elkLayout, needsLayout, positionsOf, toElkGraph } from "./elk-layout";

const def = defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });

describe("toElkGraph / positionsOf", () => {
  it("maps states to nodes at their measured size and designer edges to ELK edges, left to right", () => {
    const g = toElkGraph(def, { processing: { width: 240, height: 180 } });
    expect(g.layoutOptions?.["elk.direction"]).toBe("RIGHT");
    expect(g.children?.[0]?.id).toBe("created"); // the initial state leads
    expect(g.children?.find((c) => c.id === "processing")).toMatchObject({ width: 240, height: 180 });
    expect(g.children?.find((c) => c.id === "shipped")).toMatchObject(DEFAULT_NODE_SIZE);
    expect(g.children).toHaveLength(def.states.length);
    // Every transition, timeout and on-failure edge is there.
    expect(g.edges?.length).toBeGreaterThanOrEqual(def.transitions.length);
  });

  it("drops self-loops and edges to states that do not exist (a half-edited draft)", () => {
    const broken: WorkflowDefinition = {
      ...def,
      transitions: [
        ...def.transitions,
        { ...def.transitions[0]!, id: "loop", from: "processing", to: "processing" },
        { ...def.transitions[0]!, id: "dangling", to: "nowhere" },
      ],
    };
    const ids = toElkGraph(broken).edges!.map((e) => e.id);
    expect(ids).not.toContain("loop");
    expect(ids).not.toContain("dangling");
  });

  it("reads rounded top-left positions back", () => {
    expect(positionsOf({ id: "root", children: [{ id: "a", x: 10.4, y: 20.6 }] })).toEqual({ a: { x: 10, y: 21 } });
  });

  it("lays out only definitions with unpositioned states", () => {
    expect(needsLayout(def)).toBe(false);
    expect(needsLayout({ ...def, states: def.states.map(({ position: _, ...s }) => s) })).toBe(true);
  });
});

describe("elkLayout (the real engine)", () => {
  it("places the default workflow left to right with no overlaps and no more crossings than the column layout", async () => {
    const pos = await elkLayout(def);
    expect(Object.keys(pos).sort()).toEqual(def.states.map((s) => s.id).sort());
    // Left to right along the main path.
    const path = ["created", "validation", "processing", "ready_to_ship", "shipped"];
    for (let i = 1; i < path.length; i++) expect(pos[path[i]!]!.x).toBeGreaterThan(pos[path[i - 1]!]!.x);
    // No two nodes overlap.
    const ids = Object.keys(pos);
    for (const a of ids)
      for (const b of ids) {
        if (a >= b) continue;
        const dx = Math.abs(pos[a]!.x - pos[b]!.x);
        const dy = Math.abs(pos[a]!.y - pos[b]!.y);
        expect(dx >= DEFAULT_NODE_SIZE.width || dy >= DEFAULT_NODE_SIZE.height, `${a} overlaps ${b}`).toBe(true);
      }
    expect(countCrossings(def, pos)).toBeLessThanOrEqual(countCrossings(def, autoLayout(def)));
  });
});

describe("countCrossings", () => {
  it("counts two edges that cross as one, edges that share a state as none", () => {
    const x: WorkflowDefinition = {
      ...def,
      states: ["a", "b", "c", "d"].map((id) => ({ id, label: id, kind: "normal" as const, actions: [] })),
      transitions: [
        { ...def.transitions[0]!, id: "ad", from: "a", to: "d" },
        { ...def.transitions[0]!, id: "bc", from: "b", to: "c" },
      ],
    };
    const crossing = { a: { x: 0, y: 0 }, b: { x: 0, y: 200 }, c: { x: 600, y: 0 }, d: { x: 600, y: 200 } };
    const parallel = { ...crossing, c: { x: 600, y: 200 }, d: { x: 600, y: 0 } };
    expect(countCrossings(x, crossing)).toBe(1);
    expect(countCrossings(x, parallel)).toBe(0);
  });
});
