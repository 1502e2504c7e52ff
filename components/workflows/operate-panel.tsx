"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import type { WorkflowDefinition } from "@/server/workflows/model";
import {
  type BulkAction,
  bulkPreview,
  type MigrationPlan,
  type OrderSelectionResult,
  operationQuery,
  previewMigration,
  startMigration,
  startOperation,
  stateOrdersQuery,
  type WorkflowDetail,
  workflowKeys,
} from "./api";
import { Section, SelectField, TextField } from "./inspector/fields";
import { EMPTY_FORM, type FilterForm, toOrderFilter } from "./order-filter";

const BULK_LABELS: Record<BulkAction, { label: string; verb: string; hint: string }> = {
  retry: { label: "Retry (redrive)", verb: "Retry", hint: "Re-runs each order from the action that failed, not from the start." },
  manual_review: { label: "Move to manual review", verb: "Move to review", hint: "Parks each order in the review queue for a person." },
  cancel: { label: "Cancel", verb: "Cancel", hint: "Cancels each order (stock is released, payments voided as the cancel path does)." },
};

/** The last step before a durable job starts: says what will happen, confirm or go back. */
function ConfirmStep(p: {
  id: string;
  question: string;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  return (
    <div role="alertdialog" aria-labelledby={p.id} className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-2">
      <p id={p.id} className="text-sm text-amber-950">
        {p.question}
      </p>
      <div className="flex gap-2">
        <Button variant={p.danger ? "danger" : "primary"} disabled={p.pending} onClick={p.onConfirm} autoFocus>
          {p.confirmLabel}
        </Button>
        <Button variant="ghost" onClick={p.onBack}>
          Back
        </Button>
      </div>
    </div>
  );
}

function StartError({ message }: { message: string }) {
  return (
    <p role="alert" className="text-xs text-red-700">
      {message}
    </p>
  );
}

function SampleTable({ result, caption }: { result: OrderSelectionResult | Pick<MigrationPlan, "unmappableSample">; caption: string }) {
  const rows = "sample" in result ? result.sample : result.unmappableSample;
  if (rows.length === 0) return null;
  return (
    <table className="w-full text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left text-slate-600">
          <th scope="col" className="py-0.5 font-medium">
            Order
          </th>
          <th scope="col" className="py-0.5 font-medium">
            State
          </th>
          <th scope="col" className="py-0.5 font-medium">
            Since
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id} className="border-t border-slate-100 align-top" data-testid="order-sample-row">
            <td className="py-1">
              <Link href={`/orders/${o.id}`} className="font-medium text-blue-700 underline">
                #{o.number}
              </Link>
              <span className="block text-slate-600">
                {o.channel} · v{o.versionId}
              </span>
            </td>
            <td className="py-1">
              {o.state}
              {o.lastError && (
                <span className="block truncate text-red-700" title={o.lastError}>
                  {o.lastError}
                </span>
              )}
            </td>
            <td className="py-1 text-slate-600">{formatDateTime(o.enteredAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A bulk operation's or migration's progress, polled until done. */
export function OperationProgressBar({ workflowId, operationId, onDone }: { workflowId: string; operationId: string; onDone?: () => void }) {
  const qc = useQueryClient();
  const op = useQuery(operationQuery(workflowId, operationId));
  const p = op.data;
  const done = p?.status === "done";
  useEffect(() => {
    if (!done) return;
    // The overlay and lists changed under the operation: refresh them now, not at the next tick.
    void qc.invalidateQueries({ queryKey: workflowKeys.all });
    onDone?.();
    // onDone is called once per operation, whatever identity the parent passes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done, qc]);
  if (!p) return <p className="text-xs text-slate-600">Starting…</p>;
  const pct = p.total === 0 ? 100 : Math.round((p.processed / p.total) * 100);
  return (
    <div className="flex flex-col gap-1" data-testid="operation-progress" data-status={p.status}>
      <div
        role="progressbar"
        aria-label={`${p.kind} progress`}
        aria-valuemin={0}
        aria-valuemax={p.total}
        aria-valuenow={p.processed}
        className="h-2.5 w-full overflow-hidden rounded bg-slate-200"
      >
        <div className={`h-full ${p.status === "done" ? "bg-brand-600" : "bg-blue-600"} transition-all`} style={{ width: `${pct}%` }} />
      </div>
      <p className="text-xs text-slate-700" role="status">
        {p.status === "done" ? "Done" : p.status === "queued" ? "Queued" : "Running"}: {p.processed} of {p.total} processed · {p.succeeded} succeeded
        · {p.skipped} skipped
      </p>
    </div>
  );
}

/** The overlay drill-down: a state's orders, with filters, each linking to its timeline. */
export function StateOrders({ workflowId, state, label, versionId }: { workflowId: string; state: string; label: string; versionId?: number }) {
  const [channel, setChannel] = useState("");
  const [error, setError] = useState("");
  const filter = { state, versionId, channel: channel.trim() || undefined, error: error.trim() || undefined, limit: 50 };
  const q = useQuery(stateOrdersQuery(workflowId, filter));
  return (
    <Section title={`Orders in ${label}`}>
      <div className="grid grid-cols-2 gap-2">
        <TextField label="Channel" value={channel} onChange={setChannel} placeholder="any" />
        <TextField label="Error contains" value={error} onChange={setError} placeholder="any" />
      </div>
      {q.isError && (
        <p role="alert" className="text-xs text-red-700">
          {q.error.message}
        </p>
      )}
      {q.data && (
        <>
          <p className="text-xs text-slate-700" data-testid="state-orders-count">
            {q.data.count} order{q.data.count === 1 ? "" : "s"}
            {q.data.count > q.data.sample.length ? ` (first ${q.data.sample.length}, oldest in the state first)` : ""}
          </p>
          <SampleTable result={q.data} caption={`Orders in ${label}`} />
        </>
      )}
    </Section>
  );
}

/** Select → preview (count + sample) → confirm → durable job with a progress bar. */
export function BulkOperations({
  workflowId,
  def,
  detail,
  initialState,
}: {
  workflowId: string;
  def: WorkflowDefinition;
  detail: WorkflowDetail;
  initialState?: string;
}) {
  const [form, setForm] = useState<FilterForm>({ ...EMPTY_FORM, state: initialState ?? "" });
  const [action, setAction] = useState<BulkAction>("retry");
  const [confirming, setConfirming] = useState(false);
  const [operationId, setOperationId] = useState<string | null>(null);
  const filter = toOrderFilter(form);
  const empty = Object.keys(filter).length === 0;
  const preview = useMutation({ mutationFn: () => bulkPreview(workflowId, filter) });
  const start = useMutation({
    mutationFn: () => startOperation(workflowId, action, filter),
    onSuccess: (r) => {
      setOperationId(r.operationId);
      setConfirming(false);
    },
  });
  const set = (k: keyof FilterForm) => (v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    // A changed filter invalidates the preview (and any confirmation given for it).
    preview.reset();
    setConfirming(false);
  };
  const count = preview.data?.count ?? 0;
  return (
    <Section title="Bulk operation">
      <div className="grid grid-cols-2 gap-2">
        <SelectField
          label="State"
          value={form.state}
          onChange={set("state")}
          options={[{ value: "", label: "any" }, ...def.states.map((s) => ({ value: s.id, label: s.label }))]}
        />
        <SelectField
          label="Version"
          value={form.versionId}
          onChange={set("versionId")}
          options={[{ value: "", label: "any" }, ...detail.versions.map((v) => ({ value: String(v.versionId), label: `v${v.version}` }))]}
        />
        <TextField label="Error contains" value={form.error} onChange={set("error")} placeholder="e.g. card_declined" />
        <TextField label="Channel" value={form.channel} onChange={set("channel")} placeholder="e.g. shopify" />
        <label className="flex flex-col gap-0.5 text-xs font-medium text-slate-700">
          Entered from
          <input
            type="datetime-local"
            className="rounded border border-slate-300 px-1 py-1 text-xs"
            value={form.enteredFrom}
            onChange={(e) => set("enteredFrom")(e.target.value)}
          />
        </label>
        <label className="flex flex-col gap-0.5 text-xs font-medium text-slate-700">
          Entered before
          <input
            type="datetime-local"
            className="rounded border border-slate-300 px-1 py-1 text-xs"
            value={form.enteredTo}
            onChange={(e) => set("enteredTo")(e.target.value)}
          />
        </label>
      </div>
      <SelectField
        label="Action"
        value={action}
        onChange={(a) => {
          setAction(a);
          setConfirming(false);
        }}
        options={(Object.keys(BULK_LABELS) as BulkAction[]).map((a) => ({ value: a, label: BULK_LABELS[a].label }))}
      />
      <p className="text-[11px] text-slate-600">{BULK_LABELS[action].hint}</p>
      {empty && <p className="text-xs text-amber-800">Choose at least one filter: a bulk operation never targets every order.</p>}
      <div className="flex gap-2">
        <Button variant="secondary" disabled={empty || preview.isPending} onClick={() => preview.mutate()}>
          Preview
        </Button>
        {preview.data && count > 0 && !confirming && !operationId && (
          <Button variant={action === "cancel" ? "danger" : "primary"} onClick={() => setConfirming(true)}>
            {BULK_LABELS[action].verb} {count} order{count === 1 ? "" : "s"}…
          </Button>
        )}
      </div>
      {preview.isError && (
        <p role="alert" className="text-xs text-red-700">
          {preview.error.message}
        </p>
      )}
      {preview.data && (
        <div className="flex flex-col gap-1" data-testid="bulk-preview">
          <p className="text-xs font-medium text-slate-800" data-testid="bulk-preview-count">
            {count} order{count === 1 ? "" : "s"} match{count === 1 ? "es" : ""}
            {count > preview.data.sample.length ? `; the first ${preview.data.sample.length}:` : count > 0 ? ":" : ""}
          </p>
          <SampleTable result={preview.data} caption="Orders the filter selects" />
        </div>
      )}
      {confirming && (
        <ConfirmStep
          id="bulk-confirm-title"
          question={`${BULK_LABELS[action].verb} ${count} order${count === 1 ? "" : "s"}? Each gets an audit row naming you.`}
          confirmLabel="Confirm"
          danger={action === "cancel"}
          pending={start.isPending}
          onConfirm={() => start.mutate()}
          onBack={() => setConfirming(false)}
        />
      )}
      {start.isError && <StartError message={start.error.message} />}
      {operationId && (
        <>
          <OperationProgressBar workflowId={workflowId} operationId={operationId} />
          <button
            type="button"
            className="self-start text-xs text-blue-700 underline"
            onClick={() => {
              setOperationId(null);
              preview.reset();
            }}
          >
            New bulk operation
          </button>
        </>
      )}
    </Section>
  );
}

/** Migrating in-flight orders between published versions: mapping (same-named by default), preview, start, progress. */
export function MigrateVersions({ workflowId, detail }: { workflowId: string; detail: WorkflowDetail }) {
  const versions = [...detail.versions].sort((a, b) => a.version - b.version);
  const liveId = detail.live?.versionId ?? null;
  const [from, setFrom] = useState(String(versions.find((v) => v.versionId !== liveId && v.inFlight > 0)?.versionId ?? versions[0]?.versionId ?? ""));
  const [to, setTo] = useState(String(liveId ?? versions.at(-1)?.versionId ?? ""));
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [operationId, setOperationId] = useState<string | null>(null);
  const body = { fromVersionId: Number(from), toVersionId: Number(to), mapping };
  const same = from === to;
  const plan = useMutation({ mutationFn: (m: Record<string, string>) => previewMigration(workflowId, { ...body, mapping: m }) });
  const start = useMutation({
    mutationFn: () => startMigration(workflowId, body),
    onSuccess: (r) => {
      setOperationId(r.operationId);
      setConfirming(false);
    },
  });
  if (versions.length < 2)
    return (
      <Section title="Migrate versions">
        <p className="text-xs text-slate-600">Publish a second version to migrate orders between versions.</p>
      </Section>
    );
  // Target states: the live definition's when migrating to it; otherwise what the preview resolved.
  const targetStates =
    Number(to) === liveId && detail.live
      ? detail.live.definition.states.map((s) => s.id)
      : [...new Set((plan.data?.states ?? []).flatMap((s) => (s.to ? [s.to] : [])))];
  const resetPlan = () => {
    plan.reset();
    setMapping({});
    setConfirming(false);
  };
  return (
    <Section title="Migrate versions">
      <div className="grid grid-cols-2 gap-2">
        <SelectField
          label="From version"
          value={from}
          onChange={(v) => {
            setFrom(v);
            resetPlan();
          }}
          options={versions.map((v) => ({ value: String(v.versionId), label: `v${v.version} (${v.inFlight} in flight)` }))}
        />
        <SelectField
          label="To version"
          value={to}
          onChange={(v) => {
            setTo(v);
            resetPlan();
          }}
          options={versions.map((v) => ({ value: String(v.versionId), label: `v${v.version}${v.versionId === liveId ? " (live)" : ""}` }))}
        />
      </div>
      {same && <p className="text-xs text-amber-800">Choose two different versions.</p>}
      <Button variant="secondary" disabled={same || plan.isPending} onClick={() => plan.mutate(mapping)}>
        Preview migration
      </Button>
      {plan.isError && (
        <p role="alert" className="text-xs text-red-700">
          {plan.error.message}
        </p>
      )}
      {plan.data && (
        <div className="flex flex-col gap-2" data-testid="migration-plan">
          <table className="w-full text-xs">
            <caption className="sr-only">State mapping</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="font-medium">
                  From state
                </th>
                <th scope="col" className="font-medium">
                  To state
                </th>
                <th scope="col" className="text-right font-medium">
                  Orders
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.data.states.map((s) => (
                <tr key={s.from} className="border-t border-slate-100">
                  <td className="py-1">{s.from}</td>
                  <td className="py-1">
                    <label className="sr-only" htmlFor={`map-${s.from}`}>
                      Map {s.from} to
                    </label>
                    <select
                      id={`map-${s.from}`}
                      className="w-full rounded border border-slate-300 px-1 py-0.5 text-xs"
                      value={s.to ?? ""}
                      onChange={(e) => {
                        const next = { ...mapping, [s.from]: e.target.value };
                        if (!e.target.value) delete next[s.from];
                        setMapping(next);
                        setConfirming(false);
                        plan.mutate(next);
                      }}
                    >
                      <option value="">— stays on its version —</option>
                      {targetStates.map((id) => (
                        <option key={id} value={id}>
                          {id}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="py-1 text-right tabular-nums">{s.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-xs text-slate-800" data-testid="migration-counts">
            {plan.data.migratable} can move · {plan.data.unmappable} cannot be mapped (they stay pinned to their version)
          </p>
          <SampleTable result={plan.data} caption="Orders that cannot be mapped" />
          {plan.data.migratable > 0 && !confirming && !operationId && (
            <Button onClick={() => setConfirming(true)}>Migrate {plan.data.migratable} orders…</Button>
          )}
        </div>
      )}
      {confirming && plan.data && (
        <ConfirmStep
          id="migrate-confirm-title"
          question={`Move ${plan.data.migratable} in-flight orders to the new version? It runs in batches and can be resumed.`}
          confirmLabel="Confirm migration"
          pending={start.isPending}
          onConfirm={() => start.mutate()}
          onBack={() => setConfirming(false)}
        />
      )}
      {start.isError && <StartError message={start.error.message} />}
      {operationId && <OperationProgressBar workflowId={workflowId} operationId={operationId} />}
    </Section>
  );
}
