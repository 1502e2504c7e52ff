"use client";

import { Handle, type NodeProps, Position, useStore } from "@xyflow/react";
import { memo } from "react";
import type { WorkflowAction } from "@/server/workflows/model";
import { formatDuration } from "@/components/ui/format";
import { ACTION_META, CATEGORY_STYLE, KIND_META } from "./action-meta";
import { useDesigner } from "./designer-context";
import { ClockIcon, ErrorIcon, WarningIcon } from "./icons";
import type { StateNode } from "./flow-mapping";
import { formatMs, heatColor, type LiveStat } from "./live-overlay";
import { COMPACT_BELOW, legiblePx } from "./zoom-text";

function LiveStrip({ live, zoom }: { live: LiveStat; zoom: number }) {
  const small = { fontSize: legiblePx(12, zoom, 11) };
  const big = { fontSize: legiblePx(16, zoom, 13) };
  return (
    <div className="flex flex-col gap-0.5 border-t border-slate-200/70 px-3 py-1.5 text-slate-800" data-testid="live-strip">
      <p className="flex flex-wrap items-baseline gap-x-2 font-semibold tabular-nums" style={big}>
        {live.now === null ? <span data-testid="live-arrived">{live.arrived} arrived</span> : <span data-testid="live-now">{live.now} now</span>}
        {live.overdue > 0 && (
          <span className="rounded bg-red-700 px-1.5 text-white" data-testid="live-overdue" style={small}>
            ⚑ {live.overdue} over SLA
          </span>
        )}
      </p>
      {(live.medianMs !== null || live.p95Ms !== null) && (
        <p className="tabular-nums" style={small} data-testid="live-times">
          median {formatMs(live.medianMs)} · p95 {formatMs(live.p95Ms)}
        </p>
      )}
      {(live.failures > 0 || live.retries > 0) && (
        <p className="tabular-nums text-red-800" style={small} data-testid="live-failures">
          {live.failures} failed · {live.retries} retr{live.retries === 1 ? "y" : "ies"}
        </p>
      )}
    </div>
  );
}

function ActionRow({ action, selected, errored, fontSize }: { action: WorkflowAction; selected: boolean; errored: boolean; fontSize: number }) {
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
      style={{ fontSize }}
      className={`nodrag flex w-full items-center gap-1.5 rounded px-1.5 py-0.5 text-left ${
        selected ? "bg-blue-100 ring-1 ring-blue-500" : "hover:bg-slate-100"
      } ${errored ? "text-red-700 ring-1 ring-red-400" : "text-slate-700"}`}
      title={`${meta.label} (${action.id})${action.onFailure ? ` — on failure → ${action.onFailure.transitionTo}` : ""}`}
    >
      <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${CATEGORY_STYLE[meta.category].dot}`} />
      <span className="truncate">{meta.label}</span>
      {action.retry.attempts > 1 && <span className="ml-auto shrink-0 text-slate-600">×{action.retry.attempts}</span>}
    </button>
  );
}

function StateNodeView({ data, selected }: NodeProps<StateNode>) {
  const { state, problems, erroredActions, selectedActionId, highlighted, dropTarget, live } = data;
  // Bucketed so a zoom gesture re-renders nodes a few times, not on every frame.
  const zoom = useStore((s) => Math.round(s.transform[2] * 20) / 20);
  const compact = zoom < COMPACT_BELOW;
  // Action rows and details grow too (less: they are secondary), so fit-to-view stays readable.
  const rowPx = legiblePx(13, zoom, 10);
  const detailPx = legiblePx(11, zoom, 9);
  const kind = KIND_META[state.kind];
  const overSla = Boolean(live && live.overdue > 0);
  const actionCount = state.actions.flat().length;
  const ring = dropTarget
    ? "ring-4 ring-blue-300 border-blue-500"
    : selected
      ? "ring-2 ring-blue-500 border-blue-500"
      : highlighted
        ? "ring-4 ring-brand-500/40 border-brand-600"
        : problems?.errors
          ? "border-red-400"
          : overSla
            ? "border-red-600 ring-2 ring-red-300"
            : "border-slate-400";
  return (
    <div
      data-state-id={state.id}
      data-testid={`state-node-${state.id}`}
      data-over-sla={overSla || undefined}
      className={`w-60 rounded-lg border-2 shadow-sm ${ring} ${state.kind === "terminal" ? "border-double" : ""}`}
      style={{ background: live ? heatColor(live.heat) : "#ffffff" }}
    >
      <Handle
        type="target"
        position={Position.Left}
        data-testid={`handle-in-${state.id}`}
        className="!h-3.5 !w-3.5 !border-2 !border-white !bg-slate-500"
      />
      <div className={`flex items-center gap-2 rounded-t-md px-3 py-2 ${state.manualReview && !live ? "bg-amber-50" : ""}`}>
        <span
          className="line-clamp-2 min-w-0 flex-1 break-words font-semibold leading-tight text-slate-900"
          style={{ fontSize: legiblePx(17, zoom, 13) }}
          data-testid="state-label"
        >
          {state.label}
        </span>
        {state.manualReview && <span className="rounded bg-amber-200 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900">Review</span>}
        {/* Plain steps need no badge; start and end do (a second initial state is an error to spot). */}
        {state.kind !== "normal" && <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold ${kind.className}`}>{kind.badge}</span>}
      </div>
      {live && <LiveStrip live={live} zoom={zoom} />}
      {compact && !live && actionCount > 0 && (
        <p className="border-t border-slate-100 px-3 py-1 text-slate-700" style={{ fontSize: legiblePx(12, zoom, 11) }}>
          {actionCount} action{actionCount === 1 ? "" : "s"}
          {problems?.errors ? ` · ${problems.errors} error${problems.errors > 1 ? "s" : ""}` : ""}
        </p>
      )}
      {!compact && (state.actions.length > 0 || state.timeout || problems) && (
        <div className="flex flex-col gap-1 border-t border-slate-100 px-2 py-1.5">
          {state.actions.map((group, i) =>
            group.length > 1 ? (
              <div key={i} className="relative rounded border border-dashed border-slate-300 py-0.5 pl-5 pr-0.5" aria-label="Run in parallel">
                <span className="absolute left-1 top-1/2 -translate-y-1/2 text-sm font-bold text-slate-600" title="Run in parallel">
                  ∥
                </span>
                {group.map((a) => (
                  <ActionRow key={a.id} action={a} selected={selectedActionId === a.id} errored={erroredActions.includes(a.id)} fontSize={rowPx} />
                ))}
              </div>
            ) : (
              group.map((a) => (
                <ActionRow key={a.id} action={a} selected={selectedActionId === a.id} errored={erroredActions.includes(a.id)} fontSize={rowPx} />
              ))
            ),
          )}
          {state.timeout && (
            <p className="flex items-center gap-1 px-1.5 text-amber-800" style={{ fontSize: detailPx }}>
              <ClockIcon /> after {formatDuration(state.timeout.afterSeconds)} → {state.timeout.transitionTo}
            </p>
          )}
          {problems && (
            <p className="flex items-center gap-1 px-1.5" style={{ fontSize: detailPx }} title={problems.messages.join("\n")}>
              {problems.errors > 0 && (
                <span className="flex items-center gap-1 text-red-700">
                  <ErrorIcon />
                  {problems.errors} error{problems.errors > 1 ? "s" : ""}
                </span>
              )}
              {problems.warnings > 0 && (
                <span className="flex items-center gap-1 text-amber-800">
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
