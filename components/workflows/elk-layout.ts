import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import { type StatePosition, type WorkflowDefinition, workflowEdges } from "@/server/workflows/model";

export type Size = { width: number; height: number };

/** What a node measures before React Flow has measured it (a state with no actions). */
export const DEFAULT_NODE_SIZE: Size = { width: 240, height: 64 };

/**
 * ELK's layered algorithm, left to right. Layer spacing leaves room for the edge labels
 * (trigger + guard) between columns; crossings are minimised by layer sweeps, and
 * NETWORK_SIMPLEX placement keeps the main path straight.
 */
export const ELK_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.layered.crossingMinimization.strategy": "LAYER_SWEEP",
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
  "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
  // Model order would keep the definition's order within a layer at the cost of crossings.
  "elk.layered.considerModelOrder.strategy": "NONE",
  "elk.spacing.nodeNode": "56",
  "elk.layered.spacing.nodeNodeBetweenLayers": "120",
  "elk.layered.spacing.edgeNodeBetweenLayers": "40",
  "elk.edgeRouting": "SPLINES",
};

/** The definition as an ELK graph: one node per state (at its measured size), one edge per designer edge. */
export function toElkGraph(def: WorkflowDefinition, sizes: Readonly<Record<string, Size>> = {}): ElkNode {
  const ids = new Set(def.states.map((s) => s.id));
  // The initial state first: ELK breaks cycles from the first node it meets.
  const states = [...def.states].sort((a, b) => Number(b.kind === "initial") - Number(a.kind === "initial"));
  const edges: ElkExtendedEdge[] = workflowEdges(def)
    // Self-loops and edges to missing states (a half-edited draft) would only confuse the layering.
    .filter((e) => e.from !== e.to && ids.has(e.from) && ids.has(e.to))
    .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] }));
  return {
    id: "root",
    layoutOptions: ELK_OPTIONS,
    children: states.map((s) => ({ id: s.id, ...(sizes[s.id] ?? DEFAULT_NODE_SIZE) })),
    edges,
  };
}

/** Top-left positions of the laid-out nodes, rounded to whole pixels (stored in the definition). */
export function positionsOf(laidOut: ElkNode): Record<string, StatePosition> {
  const out: Record<string, StatePosition> = {};
  for (const n of laidOut.children ?? []) out[n.id] = { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) };
  return out;
}

type ElkLike = { layout: (graph: ElkNode) => Promise<ElkNode> };
let engine: Promise<ElkLike> | null = null;

/** ELK is ~1.5 MB: loaded on first use, not with the designer. */
function elk(): Promise<ElkLike> {
  engine ??= import("elkjs/lib/elk.bundled.js").then((m) => new m.default());
  return engine;
}

export async function elkLayout(def: WorkflowDefinition, sizes: Readonly<Record<string, Size>> = {}): Promise<Record<string, StatePosition>> {
  return positionsOf(await (await elk()).layout(toElkGraph(def, sizes)));
}

/** States without a stored position; a definition where every state has one keeps the user's layout. */
export function needsLayout(def: WorkflowDefinition): boolean {
  return def.states.some((s) => !s.position);
}

/** Straight-segment crossings between edges (centre to centre): the readability measure the tests use. */
export function countCrossings(
  def: WorkflowDefinition,
  positions: Readonly<Record<string, StatePosition>>,
  sizes: Readonly<Record<string, Size>> = {},
): number {
  const centre = (id: string) => {
    const p = positions[id] ?? { x: 0, y: 0 };
    const s = sizes[id] ?? DEFAULT_NODE_SIZE;
    return { x: p.x + s.width / 2, y: p.y + s.height / 2 };
  };
  const segs = workflowEdges(def)
    .filter((e) => e.from !== e.to)
    .map((e) => ({ e, a: centre(e.from), b: centre(e.to) }));
  const cross = (p: { x: number; y: number }, q: { x: number; y: number }, r: { x: number; y: number }) =>
    (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const s = segs[i]!;
      const t = segs[j]!;
      // Edges sharing an endpoint meet there; that is not a crossing.
      if ([s.e.from, s.e.to].some((id) => id === t.e.from || id === t.e.to)) continue;
      const d1 = cross(s.a, s.b, t.a);
      const d2 = cross(s.a, s.b, t.b);
      const d3 = cross(t.a, t.b, s.a);
      const d4 = cross(t.a, t.b, s.b);
      if (d1 * d2 < 0 && d3 * d4 < 0) n++;
    }
  }
  return n;
}
