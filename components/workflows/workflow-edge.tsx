"use client";

import { BaseEdge, EdgeLabelRenderer, type EdgeProps, type InternalNode, useInternalNode, useStore } from "@xyflow/react";
import { memo } from "react";
import { useDesigner } from "./designer-context";
import { edgeGeometry, type Rect } from "./edge-geometry";
import { edgeColor, type WorkflowFlowEdge } from "./flow-mapping";
import { selectionOfEdge } from "./selection";
import { COMPACT_BELOW, legiblePx } from "./zoom-text";

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
  const zoom = useStore((s) => Math.round(s.transform[2] * 20) / 20);
  if (!from || !to || !data) return null;
  // Zoomed out, the guard moves to the tooltip so the trigger can be drawn large enough to read.
  const compact = zoom < COMPACT_BELOW;
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
          className={`nodrag nopan absolute rounded border bg-white px-1.5 py-0.5 text-left leading-tight shadow-sm ${
            selected ? "border-blue-500 ring-1 ring-blue-500" : data.highlighted ? "border-brand-600" : "border-slate-300"
          }`}
          style={{
            transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
            pointerEvents: "all",
            color: textColor(color),
            fontSize: legiblePx(12, zoom, 11),
            maxWidth: legiblePx(208, zoom, 180),
          }}
        >
          <span className="flex items-center gap-1 font-semibold">
            <span className="truncate">{data.trigger}</span>
            {data.liveCount !== null && (
              <span className="shrink-0 rounded-full bg-slate-800 px-1.5 tabular-nums text-white" data-testid={`edge-count-${id}`}>
                {data.liveCount}
                <span className="sr-only"> taken</span>
              </span>
            )}
          </span>
          {data.guard && !compact && <span className="block truncate text-slate-700">{data.guard}</span>}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

/** Edge colours are tuned for lines; label text uses a darker shade of the same hue for contrast. */
function textColor(lineColor: string): string {
  const darker: Record<string, string> = {
    "#64748b": "#334155",
    "#d97706": "#92400e",
    "#dc2626": "#b91c1c",
    "#ef4444": "#b91c1c",
    "#059669": "#047857",
    "#2563eb": "#1d4ed8",
  };
  return darker[lineColor] ?? lineColor;
}

export const WorkflowEdgeComponent = memo(WorkflowEdgeView);
