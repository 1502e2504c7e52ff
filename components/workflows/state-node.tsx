"use client";

import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import type { WorkflowAction } from "@/server/workflows/model";
import { formatDuration } from "@/components/ui/format";
import { ACTION_META, CATEGORY_STYLE, KIND_META } from "./action-meta";
import { useDesigner } from "./designer-context";
import { ClockIcon, ErrorIcon, WarningIcon } from "./icons";
import type { StateNode } from "./flow-mapping";

function ActionRow({ action, selected, errored }: { action: WorkflowAction; selected: boolean; errored: boolean }) {
  const { select } = useDesigner();
  const meta = ACTION_META[action.type];
  return (
    <button
      type="button"
      data-action-id={action.id}
      aria-pressed={selected}
      onClick={(e) => {
        // Otherwise the node's own click would select the state instead.
        e.stopPropagation();
        select({ kind: "action", id: action.id });
      }}
      className={`nodrag flex w-full items-center gap-1.5 rounded px-1.5 py-0.5 text-left text-xs ${
        selected ? "bg-blue-100 ring-1 ring-blue-500" : "hover:bg-slate-100"
      } ${errored ? "text-red-700 ring-1 ring-red-400" : "text-slate-700"}`}
      title={`${meta.label} (${action.id})${action.onFailure ? ` — on failure → ${action.onFailure.transitionTo}` : ""}`}
    >
      <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${CATEGORY_STYLE[meta.category].dot}`} />
      <span className="truncate">{meta.label}</span>
      {action.retry.attempts > 1 && <span className="ml-auto shrink-0 text-[10px] text-slate-400">×{action.retry.attempts}</span>}
    </button>
  );
}

function StateNodeView({ data, selected }: NodeProps<StateNode>) {
  const { state, problems, erroredActions, selectedActionId, highlighted, dropTarget } = data;
  const kind = KIND_META[state.kind];
  const ring = dropTarget
    ? "ring-4 ring-blue-300 border-blue-500"
    : selected
      ? "ring-2 ring-blue-500 border-blue-500"
      : highlighted
        ? "ring-4 ring-brand-500/40 border-brand-600"
        : problems?.errors
          ? "border-red-400"
          : "border-slate-300";
  return (
    <div
      data-state-id={state.id}
      data-testid={`state-node-${state.id}`}
      className={`w-48 rounded-lg border-2 bg-white shadow-sm ${ring} ${state.kind === "terminal" ? "border-double" : ""}`}
    >
      <Handle
        type="target"
        position={Position.Left}
        data-testid={`handle-in-${state.id}`}
        className="!h-3.5 !w-3.5 !border-2 !border-white !bg-slate-500"
      />
      <div className={`flex items-center gap-2 rounded-t-md px-3 py-2 ${state.manualReview ? "bg-amber-50" : ""}`}>
        <span className="line-clamp-2 min-w-0 flex-1 break-words text-sm font-semibold leading-tight text-slate-900">{state.label}</span>
        {state.manualReview && <span className="rounded bg-amber-200 px-1.5 py-0.5 text-[10px] font-semibold text-amber-900">Review</span>}
        {/* Plain steps need no badge; start and end do (a second initial state is an error to spot). */}
        {state.kind !== "normal" && <span className={`rounded px-1.5 py-0.5 text-[10px] font-semibold ${kind.className}`}>{kind.badge}</span>}
      </div>
      {(state.actions.length > 0 || state.timeout || problems) && (
        <div className="flex flex-col gap-1 border-t border-slate-100 px-2 py-1.5">
          {state.actions.map((group, i) =>
            group.length > 1 ? (
              <div key={i} className="relative rounded border border-dashed border-slate-300 py-0.5 pl-5 pr-0.5" aria-label="Run in parallel">
                <span className="absolute left-1 top-1/2 -translate-y-1/2 text-sm font-bold text-slate-400" title="Run in parallel">
                  ∥
                </span>
                {group.map((a) => (
                  <ActionRow key={a.id} action={a} selected={selectedActionId === a.id} errored={erroredActions.includes(a.id)} />
                ))}
              </div>
            ) : (
              group.map((a) => <ActionRow key={a.id} action={a} selected={selectedActionId === a.id} errored={erroredActions.includes(a.id)} />)
            ),
          )}
          {state.timeout && (
            <p className="flex items-center gap-1 px-1.5 text-[11px] text-amber-700">
              <ClockIcon /> after {formatDuration(state.timeout.afterSeconds)} → {state.timeout.transitionTo}
            </p>
          )}
          {problems && (
            <p className="flex items-center gap-1 px-1.5 text-[11px]" title={problems.messages.join("\n")}>
              {problems.errors > 0 && (
                <span className="flex items-center gap-1 text-red-600">
                  <ErrorIcon />
                  {problems.errors} error{problems.errors > 1 ? "s" : ""}
                </span>
              )}
              {problems.warnings > 0 && (
                <span className="flex items-center gap-1 text-amber-700">
                  <WarningIcon />
                  {problems.warnings} warning{problems.warnings > 1 ? "s" : ""}
                </span>
              )}
            </p>
          )}
        </div>
      )}
      <Handle
        type="source"
        position={Position.Right}
        data-testid={`handle-out-${state.id}`}
        className="!h-3.5 !w-3.5 !border-2 !border-white !bg-blue-600"
      />
    </div>
  );
}

export const StateNodeComponent = memo(StateNodeView);
