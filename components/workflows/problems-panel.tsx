"use client";

import type { DesignerProblem } from "./designer-problems";
import { ErrorIcon, WarningIcon } from "./icons";

const KIND_LABEL = { state: "State", transition: "Transition", action: "Action" } as const;

/** Live validation results; clicking one selects and centres the element it names. */
export function ProblemsPanel({ problems, onPick }: { problems: readonly DesignerProblem[]; onPick: (p: DesignerProblem) => void }) {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <section aria-labelledby="problems-heading" className="flex h-full flex-col" data-testid="problems-panel">
      <h2
        id="problems-heading"
        className="flex items-center gap-3 border-b border-slate-200 px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600"
      >
        Problems
        <span className={errors ? "text-red-700" : "text-slate-600"} data-testid="problem-errors">
          {errors} error{errors === 1 ? "" : "s"}
        </span>
        <span className={warnings ? "text-amber-800" : "text-slate-600"}>
          {warnings} warning{warnings === 1 ? "" : "s"}
        </span>
      </h2>
      {problems.length === 0 ? (
        <p className="px-3 py-2 text-sm text-brand-700">✓ No problems: this draft can be published.</p>
      ) : (
        <ul className="flex-1 overflow-y-auto">
          {sorted.map((p, i) => (
            <li key={`${p.code}-${p.elementId}-${i}`}>
              <button
                type="button"
                onClick={() => onPick(p)}
                data-testid="problem"
                data-code={p.code}
                className="flex w-full items-baseline gap-2 px-3 py-1 text-left text-sm hover:bg-slate-100"
              >
                <span className="self-center">{p.severity === "error" ? <ErrorIcon /> : <WarningIcon />}</span>
                <span className="sr-only">{p.severity}:</span>
                <span className="flex-1">{p.message}</span>
                <span className="shrink-0 text-[11px] text-slate-500">
                  {p.elementId ? `${KIND_LABEL[p.elementKind]} ${p.elementId}` : "Workflow"} · {p.code}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
