import type { Edge, Node, XYPosition } from "@xyflow/react";
import {
  autoLayout,
  describeCondition,
  type SimulationResult,
  type Transition,
  type WorkflowDefinition,
  type WorkflowState,
  workflowEdges,
} from "@/server/workflows/model";
import { formatDuration } from "@/components/ui/format";
import { ACTION_META } from "./action-meta";
import { findAction } from "./definition-edits";
import type { ProblemCounts } from "./designer-problems";
import type { LiveOverlay, LiveStat } from "./live-overlay";

export type StateNodeData = {
  state: WorkflowState;
  problems: ProblemCounts | null;
  /** Action ids with errors, outlined red inside the node. */
  erroredActions: string[];
  selectedActionId: string | null;
  /** On the simulated path being shown. */
  highlighted: boolean;
  /** An action is being dragged over this state. */
  dropTarget: boolean;
  /** Live mode: the overlay's numbers for this state (null when not live or no data). */
  live: LiveStat | null;
};
export type StateNode = Node<StateNodeData, "state">;

export type WorkflowEdgeData = {
  kind: "transition" | "timeout" | "on_failure";
  trigger: string;
  guard: string | null;
  /** Full description for the label's tooltip. */
  title: string;
  /** Spread of parallel edges between the same two states: 0 is straight, ±1 curves either way. */
  offset: number;
  highlighted: boolean;
  hasError: boolean;
  /** Live mode: transitions taken between the two states in the window (null when not live). */
  liveCount: number | null;
};
export type WorkflowFlowEdge = Edge<WorkflowEdgeData, "workflow">;

export type Highlight = { states: ReadonlySet<string>; edges: ReadonlySet<string> };
export const NO_HIGHLIGHT: Highlight = { states: new Set(), edges: new Set() };

export type NodeOptions = {
  measured: Readonly<Record<string, { width: number; height: number }>>;
  /** Live positions while a drag is in progress (committed to the definition on drop). */
  dragging: Readonly<Record<string, XYPosition>>;
  selectedStateId: string | null;
  selectedActionId: string | null;
  problems: ReadonlyMap<string, ProblemCounts>;
  erroredIds: ReadonlySet<string>;
  highlight: Highlight;
  dropTargetId: string | null;
  live?: LiveOverlay | null;
};

export function toFlowNodes(def: WorkflowDefinition, o: NodeOptions): StateNode[] {
  // States without a stored position (e.g. imported JSON) get the auto-layout spot.
  const fallback = def.states.some((s) => !s.position) ? autoLayout(def) : {};
  return def.states.map((state) => {
    const size = o.measured[state.id];
    return {
      id: state.id,
      type: "state",
      position: o.dragging[state.id] ?? state.position ?? fallback[state.id] ?? { x: 0, y: 0 },
      selected: o.selectedStateId === state.id,
      ...(size ? { measured: size } : {}),
      data: {
        state,
        problems: o.problems.get(state.id) ?? null,
        erroredActions: state.actions
          .flat()
          .map((a) => a.id)
          .filter((id) => o.erroredIds.has(id)),
        selectedActionId: o.selectedActionId,
        highlighted: o.highlight.states.has(state.id),
        dropTarget: o.dropTargetId === state.id,
        live: o.live ? (o.live.states.get(state.id) ?? null) : null,
      },
    };
  });
}

export function describeTrigger(t: Transition): string {
  if (t.trigger.kind === "automatic") return "auto";
  if (t.trigger.kind === "event") return `on ${t.trigger.event}`;
  return `manual · ${t.trigger.role}`;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export type EdgeOptions = { selectedEdgeId: string | null; erroredIds: ReadonlySet<string>; highlight: Highlight; live?: LiveOverlay | null };

export function toFlowEdges(def: WorkflowDefinition, o: EdgeOptions): WorkflowFlowEdge[] {
  const transitions = new Map(def.transitions.map((t) => [t.id, t]));
  const states = new Map(def.states.map((s) => [s.id, s]));
  const edges = workflowEdges(def);
  // Edges between the same two states (either direction) fan out so none hides another.
  const groups = new Map<string, string[]>();
  for (const e of edges) groups.set(pairKey(e.from, e.to), [...(groups.get(pairKey(e.from, e.to)) ?? []), e.id]);

  return edges.map((e) => {
    const siblings = groups.get(pairKey(e.from, e.to)) ?? [e.id];
    const offset = siblings.indexOf(e.id) - (siblings.length - 1) / 2;
    let trigger = "";
    let guard: string | null = null;
    let hasError = false;
    let title = "";
    if (e.kind === "transition") {
      const t = transitions.get(e.id);
      trigger = t ? describeTrigger(t) : "";
      guard = t?.isDefault ? "default" : t?.guard ? describeCondition(t.guard) : null;
      title = `${trigger}${guard ? ` [${guard}]` : ""} → ${e.to}${t ? ` (priority ${t.priority})` : ""}`;
      hasError = o.erroredIds.has(e.id);
    } else if (e.kind === "timeout") {
      const after = states.get(e.from)?.timeout?.afterSeconds ?? 0;
      trigger = `timeout ${formatDuration(after)}`;
      title = `After ${formatDuration(after)} without leaving → ${e.to}`;
    } else {
      const actionId = e.id.slice(0, -":on_failure".length);
      const loc = findAction(def, actionId);
      trigger = `${loc ? ACTION_META[loc.action.type].label : actionId} fails`;
      // Compensation is shown in the inspector and the tooltip: keep dashed labels to one line.
      const comp = loc?.action.onFailure?.compensate ?? [];
      title = `${trigger}${comp.length > 0 ? `; undo: ${comp.join(", ")}` : ""} → ${e.to}`;
      hasError = o.erroredIds.has(actionId);
    }
    const selected = o.selectedEdgeId === e.id;
    const highlighted = o.highlight.edges.has(e.id);
    return {
      id: e.id,
      type: "workflow",
      source: e.from,
      target: e.to,
      selected,
      markerEnd: { type: "arrowclosed", width: 16, height: 16, color: edgeColor(e.kind, { selected, highlighted, hasError }) },
      data: { kind: e.kind, trigger, guard, title, offset, highlighted, hasError, liveCount: o.live ? (o.live.edgeCounts.get(e.id) ?? null) : null },
    };
  });
}

const KIND_COLORS = { transition: "#64748b", timeout: "#d97706", on_failure: "#dc2626" } as const;

/** One colour per edge, shared by the line and its arrowhead. */
export function edgeColor(kind: WorkflowEdgeData["kind"], s: { selected: boolean; highlighted: boolean; hasError: boolean }): string {
  if (s.selected) return "#2563eb";
  if (s.highlighted) return "#059669";
  if (s.hasError) return "#ef4444";
  return KIND_COLORS[kind];
}

/** The states and edges a simulated run went through, for highlighting on the canvas. */
export function highlightOf(result: Pick<SimulationResult, "path">): Highlight {
  const states = new Set<string>();
  const edges = new Set<string>();
  for (const step of result.path) {
    states.add(step.state);
    if (step.transitionTaken) edges.add(step.transitionTaken.id);
  }
  return { states, edges };
}
