"use client";

import "@xyflow/react/dist/style.css";
import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { workflowDetailQuery } from "./api";
import { DesignerWorkspace } from "./designer-workspace";

/** Loads the workflow, then hands its draft to the workspace (which owns it from then on). */
export function WorkflowDesigner({ workflowId }: { workflowId: string }) {
  const detail = useQuery(workflowDetailQuery(workflowId));
  return (
    // Full-bleed: the designer wants the whole window width, not the page's reading column.
    <div className="relative left-1/2 h-[calc(100vh-7.5rem)] min-h-[36rem] w-[calc(100vw-2rem)] -translate-x-1/2 -mt-4">
      {detail.isPending && <p className="p-6 text-sm text-slate-500">Loading workflow…</p>}
      {detail.isError && (
        <p role="alert" className="p-6 text-sm text-red-600">
          Could not load this workflow: {detail.error.message}
        </p>
      )}
      {detail.data && (
        <ReactFlowProvider>
          <DesignerWorkspace key={detail.data.workflow.id} detail={detail.data} />
        </ReactFlowProvider>
      )}
    </div>
  );
}
