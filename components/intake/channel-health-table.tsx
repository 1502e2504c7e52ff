"use client";

import { useQuery } from "@tanstack/react-query";
import { channelHealthQuery, type StoreHealth } from "./connections-api";

const STATUS_STYLE: Record<StoreHealth["status"], string> = {
  ok: "bg-emerald-100 text-emerald-800",
  quiet: "bg-amber-100 text-amber-800",
  failing: "bg-red-100 text-red-800",
  missing_webhooks: "bg-red-100 text-red-800",
};

const lag = (s: number | null) => (s === null ? "—" : s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`);

/** Channel health per connected store (intake page and dashboard); the alert banner is the in-app side of the alerts. */
export function ChannelHealthTable() {
  const q = useQuery(channelHealthQuery());
  if (q.isPending) return <p className="text-sm text-slate-500">Loading channel health…</p>;
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        Could not load channel health: {q.error.message}
      </p>
    );
  if (q.data.stores.length === 0) return <p className="text-sm text-slate-500">No stores connected.</p>;
  const bad = q.data.stores.filter((s) => s.status !== "ok");
  return (
    <div className="flex flex-col gap-3">
      {bad.length > 0 && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {bad.map((s) => `${s.name}: ${s.detail ?? s.status}`).join(" · ")}
        </p>
      )}
      <table className="w-full text-left text-sm" aria-label="Channel health">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1">Store</th>
            <th>Status</th>
            <th>Last delivery</th>
            <th>Lag</th>
            <th>Failures (24 h)</th>
            <th>Missed (7 d)</th>
            <th>Last reconciliation</th>
          </tr>
        </thead>
        <tbody>
          {q.data.stores.map((s) => (
            <tr key={s.connectionId} className="border-t border-slate-100">
              <td className="py-1">
                {s.name} <span className="text-xs text-slate-500">({s.channel})</span>
              </td>
              <td>
                <span className={`rounded-full px-2 text-xs ${STATUS_STYLE[s.status]}`}>{s.status.replace("_", " ")}</span>
              </td>
              <td>{s.lastDeliveryAt ? new Date(s.lastDeliveryAt).toLocaleString() : "never"}</td>
              <td>{lag(s.lagSeconds)}</td>
              <td>{s.failures24h}</td>
              <td>{s.missed7d}</td>
              <td title={s.lastReconcileError ?? undefined}>{s.lastReconciledAt ? new Date(s.lastReconciledAt).toLocaleString() : "never"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
