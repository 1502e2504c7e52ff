"use client";

import { BaseEdge, EdgeLabelRenderer, type EdgeProps, type InternalNode, useInternalNode } from "@xyflow/react";
import { memo } from "react";
import { useDesigner } from "./designer-context";
import { edgeGeometry, type Rect } from "./edge-geometry";
import { edgeColor, type WorkflowFlowEdge } from "./flow-mapping";
import { selectionOfEdge } from "./selection";

function rectOf(node: InternalNode): Rect {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? 224,
    height: node.measured.height ?? 48,
  };
}

function WorkflowEdgeView({ id, source, target, data, selected, markerEnd }: EdgeProps<WorkflowFlowEdge>) {
  const { select } = useDesigner();
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to || !data) return null;
  const { path, labelX, labelY } = edgeGeometry(rectOf(from), rectOf(to), data.offset, source > target);
  const color = edgeColor(data.kind, { selected: Boolean(selected), highlighted: data.highlighted, hasError: data.hasError });
  const dashed = data.kind !== "transition";
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{
          stroke: color,
          strokeWidth: selected || data.highlighted ? 3 : 1.5,
          strokeDasharray: dashed ? "6 4" : undefined,
        }}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          data-testid={`edge-label-${id}`}
          title={data.title}
          onClick={() => select(selectionOfEdge(id))}
          className={`nodrag nopan absolute max-w-52 rounded border bg-white px-1.5 py-0.5 text-left text-[10px] leading-tight shadow-sm ${
            selected ? "border-blue-500 ring-1 ring-blue-500" : data.highlighted ? "border-brand-600" : "border-slate-200"
          }`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, pointerEvents: "all", color }}
        >
          <span className="block font-semibold">{data.trigger}</span>
          {data.guard && (
            <span className="block truncate text-slate-600" title={data.guard}>
              {data.guard}
            </span>
          )}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const WorkflowEdgeComponent = memo(WorkflowEdgeView);
