"use client";

import { Background, type Connection, Controls, MiniMap, type NodeChange, ReactFlow, useReactFlow, type XYPosition } from "@xyflow/react";
import { type DragEvent, useCallback, useMemo, useState } from "react";
import type { WorkflowDefinition } from "@/server/workflows/model";
import { addAction, addState, connectStates, setPositions } from "./definition-edits";
import type { ProblemCounts } from "./designer-problems";
import { type Highlight, type StateNode, toFlowEdges, toFlowNodes } from "./flow-mapping";
import type { Edit } from "./inspector/types";
import type { LiveOverlay } from "./live-overlay";
import { DND_ACTION, DND_STATE, readDrop } from "./palette";
import { edgeIdOfSelection, type Selection, selectionOfEdge } from "./selection";
import { StateNodeComponent } from "./state-node";
import { WorkflowEdgeComponent } from "./workflow-edge";

const nodeTypes = { state: StateNodeComponent };
const edgeTypes = { workflow: WorkflowEdgeComponent };
/** Drops are placed so the cursor sits near the node's top-left corner, not its centre. */
const DROP_OFFSET = { x: 40, y: 16 };

function stateUnder(target: EventTarget | null): string | null {
  return target instanceof Element ? (target.closest("[data-state-id]")?.getAttribute("data-state-id") ?? null) : null;
}

type Props = {
  def: WorkflowDefinition;
  edit: Edit;
  selection: Selection;
  select: (sel: Selection) => void;
  problemsByState: ReadonlyMap<string, ProblemCounts>;
  erroredIds: ReadonlySet<string>;
  highlight: Highlight;
  /** Live mode's overlay (null in design mode). */
  live: LiveOverlay | null;
  /** A state was clicked or chosen with Enter on a focused node. */
  onStatePick?: (id: string) => void;
};

/**
 * The React Flow canvas. The definition is the source of truth: nodes and edges are derived
 * from it on every change. Only what React Flow measures (node sizes) and in-progress drag
 * positions live here; a drag is committed to the definition once, on drop (one undo step).
 */
export function DesignerCanvas({ def, edit, selection, select, problemsByState, erroredIds, highlight, live, onStatePick }: Props) {
  const flow = useReactFlow();
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const [dragging, setDragging] = useState<Record<string, XYPosition>>({});
  const [dropTargetId, setDropTargetId] = useState<string | null>(null);

  const selectedStateId = selection?.kind === "state" ? selection.id : null;
  const selectedActionId = selection?.kind === "action" ? selection.id : selection?.kind === "fallback" ? selection.actionId : null;
  const nodes = useMemo(
    () =>
      toFlowNodes(def, {
        measured,
        dragging,
        selectedStateId,
        selectedActionId,
        problems: problemsByState,
        erroredIds,
        highlight,
        dropTargetId,
        live,
      }).map((n) => ({ ...n, ariaLabel: `State ${n.data.state.label}${n.data.live?.now != null ? `, ${n.data.live.now} orders now` : ""}` })),
    [def, measured, dragging, selectedStateId, selectedActionId, problemsByState, erroredIds, highlight, dropTargetId, live],
  );
  const edges = useMemo(
    () => toFlowEdges(def, { selectedEdgeId: edgeIdOfSelection(selection), erroredIds, highlight, live }),
    [def, selection, erroredIds, highlight, live],
  );
  const pick = useCallback((id: string) => (onStatePick ? onStatePick(id) : select({ kind: "state", id })), [onStatePick, select]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StateNode>[]) => {
      const sizes: Record<string, { width: number; height: number }> = {};
      const moves: Record<string, XYPosition> = {};
      const done: Record<string, XYPosition> = {};
      for (const c of changes) {
        // Enter / Space on a focused node (React Flow's keyboard selection) selects it like a click.
        if (c.type === "select" && c.selected) pick(c.id);
        if (c.type === "dimensions" && c.dimensions) sizes[c.id] = c.dimensions;
        if (c.type === "position" && c.position) (c.dragging ? moves : done)[c.id] = c.position;
      }
      if (Object.keys(sizes).length > 0) setMeasured((m) => ({ ...m, ...sizes }));
      if (Object.keys(moves).length > 0) setDragging((d) => ({ ...d, ...moves }));
      if (Object.keys(done).length > 0) {
        // The end of a drag (or a keyboard move): one undo step, and the live position goes away.
        edit((d) => setPositions(d, done));
        setDragging((d) => Object.fromEntries(Object.entries(d).filter(([id]) => !(id in done))));
      }
    },
    [edit, pick],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target) return;
      let created = "";
      edit((d) => {
        const r = connectStates(d, c.source, c.target);
        created = r.transitionId;
        return r.def;
      });
      if (created) select({ kind: "transition", id: created });
    },
    [edit, select],
  );

  const onDragOver = (e: DragEvent) => {
    const types = e.dataTransfer.types;
    if (!types.includes(DND_STATE) && !types.includes(DND_ACTION)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    const over = types.includes(DND_ACTION) ? stateUnder(e.target) : null;
    if (over !== dropTargetId) setDropTargetId(over);
  };

  const onDrop = (e: DragEvent) => {
    const item = readDrop(e);
    setDropTargetId(null);
    if (!item) return;
    e.preventDefault();
    const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const position = { x: p.x - DROP_OFFSET.x, y: p.y - DROP_OFFSET.y };
    let next: Selection = null;
    const target = stateUnder(e.target);
    edit((d) => {
      if (item.kind === "state") {
        const r = addState(d, item.variant, position);
        next = { kind: "state", id: r.stateId };
        return r.def;
      }
      if (target) {
        const r = addAction(d, target, item.type);
        next = { kind: "action", id: r.actionId };
        return r.def;
      }
      // An action dropped on empty canvas brings its own state.
      const s = addState(d, "state", position);
      const r = addAction(s.def, s.stateId, item.type);
      next = { kind: "action", id: r.actionId };
      return r.def;
    });
    if (next) select(next);
  };

  return (
    <div className="h-full w-full" onDragOver={onDragOver} onDrop={onDrop} onDragLeave={() => setDropTargetId(null)} data-testid="designer-canvas">
      <ReactFlow<StateNode, ReturnType<typeof toFlowEdges>[number]>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        onNodeClick={(_, n) => pick(n.id)}
        onEdgeClick={(_, e) => select(selectionOfEdge(e.id))}
        onPaneClick={() => select(null)}
        deleteKeyCode={null}
        // Edge labels are the focusable, clickable part of an edge; the line itself would be a second, unlabelled tab stop.
        edgesFocusable={false}
        nodesDraggable={!live}
        nodesConnectable={!live}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        fitView
        fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} color="#e2e8f0" />
        <Controls showInteractive={false} showFitView={false} />
        <MiniMap
          pannable
          zoomable
          style={{ width: 150, height: 96 }}
          className="!hidden lg:!block"
          ariaLabel="Mini map"
          nodeColor={(n) => (highlight.states.has(n.id) ? "#10b981" : "#cbd5e1")}
        />
      </ReactFlow>
    </div>
  );
}
