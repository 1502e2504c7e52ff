import { CHANNEL_LABELS, type ChannelMetrics, reasonLabel } from "./api";

/** Per-channel intake metrics over the last 24 h (the same numbers the dashboard shows). */
export function IntakeMetricsTable({ metrics, caption = "Last 24 hours" }: { metrics: ChannelMetrics[]; caption?: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm">
        <caption className="px-4 pt-3 text-left text-sm font-semibold">{caption}</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Channel
            </th>
            {["Received", "Accepted", "Rejected", "Retried", "Duplicates"].map((h) => (
              <th key={h} scope="col" className="px-4 py-2 text-right font-medium">
                {h}
              </th>
            ))}
            <th scope="col" className="px-4 py-2 font-medium">
              Top reasons
            </th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m.channel} className="border-t border-slate-100" data-testid={`metrics-${m.channel}`}>
              <th scope="row" className="px-4 py-2 text-left font-medium">
                {CHANNEL_LABELS[m.channel]}
              </th>
              {[m.received, m.accepted, m.rejected, m.retried, m.duplicates].map((n, i) => (
                <td key={i} className="px-4 py-2 text-right tabular-nums">
                  {n}
                </td>
              ))}
              <td className="px-4 py-2 text-slate-600">
                {m.byReason.length === 0
                  ? "—"
                  : m.byReason
                      .slice(0, 3)
                      .map((r) => `${reasonLabel(r.reason)} (${r.count})`)
                      .join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
