"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import {
  type ActionOutcome,
  ORDER_FIELDS,
  type OrderFacts,
  sampleOrderFacts,
  simulate,
  type SimulationResult,
  type WorkflowDefinition,
} from "@/server/workflows/model";
import { Button } from "@/components/ui/button";
import { ACTION_META } from "./action-meta";
import { simulateOnServer } from "./api";
import { CheckboxField, NumberField, TextField } from "./inspector/fields";
import { SimulationResultView } from "./simulation-result";

type Shown = { title: string; result: SimulationResult; facts?: OrderFacts };

function FactField({ name, facts, setFacts }: { name: (typeof ORDER_FIELDS)[number]["name"]; facts: OrderFacts; setFacts: (f: OrderFacts) => void }) {
  const spec = ORDER_FIELDS.find((f) => f.name === name);
  const value = facts[name];
  if (!spec) return null;
  if (typeof value === "boolean") return <CheckboxField label={name} checked={value} onChange={(v) => setFacts({ ...facts, [name]: v })} />;
  if (typeof value === "number") {
    return (
      <NumberField
        label={name}
        value={value}
        integer={false}
        hint={name === "total" ? "minor units" : undefined}
        onChange={(v) => setFacts({ ...facts, [name]: v })}
      />
    );
  }
  if (Array.isArray(value)) {
    return (
      <TextField
        label={`${name} (comma-separated)`}
        value={value.join(", ")}
        onChange={(v) =>
          setFacts({
            ...facts,
            [name]: v
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          })
        }
      />
    );
  }
  return <TextField label={name} value={String(value)} onChange={(v) => setFacts({ ...facts, [name]: v })} />;
}

/** "8 orders would stop in: Ready to ship ×5, Manual Review ×3". */
function stopSummary(results: Shown[]): string {
  const counts = new Map<string, number>();
  for (const r of results) {
    const key = r.result.stop.state ?? r.result.stop.reason;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ×${n}`);
  return `${results.length} orders would stop in: ${parts.join(", ")}`;
}

/**
 * Dry-runs the draft: a sample order runs in the browser (same pure `simulate` as the
 * server), recent real orders run on the server against their recorded facts.
 */
export function SimulatePanel({
  workflowId,
  def,
  shown,
  onShow,
}: {
  workflowId: string;
  def: WorkflowDefinition;
  shown: SimulationResult | null;
  onShow: (r: SimulationResult | null) => void;
}) {
  const [mode, setMode] = useState<"sample" | "recent">("sample");
  const [facts, setFacts] = useState<OrderFacts>(() => sampleOrderFacts());
  const [outcomes, setOutcomes] = useState<Record<string, ActionOutcome>>({});
  const [lastN, setLastN] = useState(10);
  const [results, setResults] = useState<Shown[]>([]);
  const recent = useMutation({
    mutationFn: () => simulateOnServer(workflowId, { definition: def, lastN }),
    onSuccess: ({ results: rs }) => {
      const mapped = rs.map((r) => ({
        title: r.orderNumber !== undefined ? `Order #${r.orderNumber}` : (r.orderId ?? "Order"),
        result: r,
        facts: r.facts,
      }));
      setResults(mapped);
      onShow(mapped[0]?.result ?? null);
    },
  });
  const actions = def.states.flatMap((s) => s.actions.flat().map((a) => ({ ...a, stateLabel: s.label })));

  const runSample = () => {
    const result = simulate(def, facts, outcomes);
    setResults([{ title: "Sample order", result }]);
    onShow(result);
  };

  return (
    <div className="flex flex-col gap-3" data-testid="simulate-panel">
      <div role="radiogroup" aria-label="Simulate with" className="flex gap-1 rounded-md bg-slate-100 p-0.5 text-xs">
        {(["sample", "recent"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            onClick={() => setMode(m)}
            className={`flex-1 rounded px-2 py-1 font-medium ${mode === m ? "bg-white shadow-sm" : "text-slate-600"}`}
          >
            {m === "sample" ? "Sample order" : "Recent orders"}
          </button>
        ))}
      </div>

      {mode === "sample" ? (
        <>
          <details open className="rounded border border-slate-200 p-2">
            <summary className="cursor-pointer text-xs font-semibold text-slate-600">Order facts</summary>
            <div className="mt-2 grid grid-cols-2 gap-2">
              {ORDER_FIELDS.map((f) => (
                <FactField key={f.name} name={f.name} facts={facts} setFacts={setFacts} />
              ))}
            </div>
          </details>
          {actions.length > 0 && (
            <details className="rounded border border-slate-200 p-2">
              <summary className="cursor-pointer text-xs font-semibold text-slate-600">
                Action outcomes ({Object.values(outcomes).filter((o) => o === "fail").length} failing)
              </summary>
              <div className="mt-2 flex flex-col gap-1">
                {actions.map((a) => (
                  <CheckboxField
                    key={a.id}
                    label={`${ACTION_META[a.type].label} fails (${a.stateLabel})`}
                    checked={outcomes[a.id] === "fail"}
                    onChange={(fail) => setOutcomes((o) => ({ ...o, [a.id]: fail ? "fail" : "success" }))}
                  />
                ))}
              </div>
            </details>
          )}
          <Button onClick={runSample}>Run simulation</Button>
        </>
      ) : (
        <>
          <NumberField label="Last N orders" value={lastN} min={1} max={50} onChange={setLastN} />
          <Button onClick={() => recent.mutate()} disabled={recent.isPending}>
            {recent.isPending ? "Running…" : "Run on recent orders"}
          </Button>
          {recent.isError && (
            <p role="alert" className="text-xs text-red-600">
              {recent.error.message}
            </p>
          )}
          {recent.isSuccess && results.length === 0 && <p className="text-xs text-slate-500">No orders yet.</p>}
          {recent.isSuccess && results.length > 1 && (
            <p className="text-xs text-slate-700" data-testid="simulation-summary">
              {stopSummary(results)}
            </p>
          )}
        </>
      )}

      {results.length > 0 && (
        <div className="flex flex-col gap-2" aria-live="polite">
          <div className="flex items-center justify-between">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Results</h3>
            {shown && (
              <button type="button" className="text-xs text-slate-600 hover:underline" onClick={() => onShow(null)}>
                Clear highlight
              </button>
            )}
          </div>
          {results.map((r, i) => (
            <SimulationResultView
              key={i}
              def={def}
              title={r.title}
              result={r.result}
              facts={r.facts}
              active={shown === r.result}
              onShow={() => onShow(shown === r.result ? null : r.result)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
