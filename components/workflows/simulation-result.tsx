"use client";

import type { OrderFacts, SimulationResult, SimulationStopReason, WorkflowDefinition } from "@/server/workflows/model";
import { ACTION_META } from "./action-meta";

const STOP_TEXT: Record<SimulationStopReason, string> = {
  terminal: "Finished",
  awaiting_event: "Waits for an event",
  awaiting_manual: "Waits for a person",
  awaiting_timeout: "Waits for a timeout",
  stuck: "Stuck (no way out)",
  unhandled_failure: "Failed without a fallback",
  step_limit: "Loop suspected",
  error: "Error",
};

const STOP_STYLE: Partial<Record<SimulationStopReason, string>> = {
  terminal: "bg-brand-100 text-brand-700",
  awaiting_event: "bg-blue-100 text-blue-800",
  awaiting_manual: "bg-amber-100 text-amber-900",
  awaiting_timeout: "bg-amber-100 text-amber-900",
};

/** One simulated order: the path state → state with the guard that fired at each step. */
export function SimulationResultView({
  def,
  result,
  title,
  active,
  onShow,
  facts,
}: {
  def: WorkflowDefinition;
  result: SimulationResult;
  title: string;
  active: boolean;
  onShow: () => void;
  /** The order's facts, shown for real orders (the sample's are in the form above). */
  facts?: OrderFacts;
}) {
  const label = (id: string | null) => (id ? (def.states.find((s) => s.id === id)?.label ?? id) : "—");
  const { stop } = result;
  return (
    <article
      className={`rounded-md border p-2 ${active ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}
      data-testid="simulation-result"
    >
      <header className="mb-1 flex items-center gap-2">
        <h4 className="text-sm font-semibold">{title}</h4>
        <span className={`rounded px-1.5 py-0.5 text-[10px] font-semibold ${STOP_STYLE[stop.reason] ?? "bg-red-100 text-red-800"}`}>
          {STOP_TEXT[stop.reason]}
        </span>
        <button type="button" onClick={onShow} aria-pressed={active} className="ml-auto text-xs font-medium text-blue-700 hover:underline">
          {active ? "Shown on canvas" : "Show on canvas"}
        </button>
      </header>
      <ol className="flex flex-col gap-1 text-xs" aria-label={`Path of ${title}`}>
        {result.path.map((step, i) => (
          <li key={i} className="rounded bg-slate-50 px-1.5 py-1">
            <p className="font-medium text-slate-800" data-testid="path-state">
              {label(step.state)}
            </p>
            {step.actionsRun.length > 0 && (
              <p className="text-[11px] text-slate-500">
                {step.actionsRun.map((a) => `${a.outcome === "success" ? "✓" : "✗"} ${ACTION_META[a.type].label}`).join(" · ")}
                {step.compensated.length > 0 && ` · undo ${step.compensated.join(", ")}`}
              </p>
            )}
            {step.transitionTaken && (
              <p className="text-[11px] text-slate-600">
                → {label(step.transitionTaken.to)} <span className="font-mono text-slate-500">[{step.guardFired ?? step.transitionTaken.kind}]</span>
              </p>
            )}
          </li>
        ))}
      </ol>
      {facts && (
        <details className="mt-1 text-[11px]">
          <summary className="cursor-pointer text-slate-500">Order facts</summary>
          <dl className="mt-1 grid grid-cols-2 gap-x-2">
            {Object.entries(facts).map(([k, v]) => (
              <div key={k} className="flex gap-1">
                <dt className="text-slate-500">{k}</dt>
                <dd className="truncate font-mono">{JSON.stringify(v)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <p className="mt-1 text-[11px] text-slate-600" data-testid="simulation-stop">
        Stops in <strong>{label(stop.state)}</strong>
        {stop.waitingFor.length > 0 && ` — waiting for ${stop.waitingFor.join(", ")}`}
        {stop.message && ` — ${stop.message}`}
      </p>
    </article>
  );
}
