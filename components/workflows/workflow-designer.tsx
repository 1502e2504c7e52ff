"use client";

import "@xyflow/react/dist/style.css";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { useState } from "react";
import { workflowDetailQuery } from "./api";
import { DesignerWorkspace } from "./designer-workspace";

/** Loads the workflow, then hands its draft to the workspace (which owns it from then on). */
export function WorkflowDesigner({ workflowId }: { workflowId: string }) {
  const qc = useQueryClient();
  const detail = useQuery(workflowDetailQuery(workflowId));
  // Bumped after a restore: the designer remounts on the reloaded draft (its undo history was of the old one).
  const [generation, setGeneration] = useState<{ n: number; notice: string | null }>({ n: 0, notice: null });
  const reload = (notice: string) =>
    void qc.refetchQueries({ queryKey: workflowDetailQuery(workflowId).queryKey }).then(() => setGeneration((g) => ({ n: g.n + 1, notice })));
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
          <DesignerWorkspace
            key={`${detail.data.workflow.id}:${generation.n}`}
            detail={detail.data}
            initialNotice={generation.notice}
            onReload={reload}
          />
        </ReactFlowProvider>
      )}
    </div>
  );
}
