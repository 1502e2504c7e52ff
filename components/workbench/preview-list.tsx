import { Card } from "@/components/ui/card";
import type { WorkbenchPreview } from "./api";

type Row = WorkbenchPreview["before"][number];

function Shipments({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return <span className="text-slate-500">Series ends</span>;
  return (
    <ol className="flex flex-col gap-0.5">
      {rows.map((r) => (
        <li key={r.shipmentIndex}>
          {r.date} · event {r.eventNumber} · {r.shipsName ?? `${r.itemName} (no substitute)`}
        </li>
      ))}
    </ol>
  );
}

/** Per-subscription effect: next 3 shipments on the current revision vs after applying. */
export function PreviewList({ previews, labels }: { previews: WorkbenchPreview[]; labels: ReadonlyMap<string, string> }) {
  return (
    <Card title="Effect preview (next 3 shipments)">
      <table className="w-full text-sm" aria-label="Workbench preview">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th>Subscription</th>
            <th>Before</th>
            <th>After</th>
          </tr>
        </thead>
        <tbody>
          {previews.map((p) => (
            <tr
              key={p.subscriptionId}
              className={`border-t border-slate-100 align-top ${p.changed ? "" : "text-slate-400"}`}
              data-testid="workbench-preview-row"
            >
              <td className="py-1">
                {labels.get(p.subscriptionId) ?? p.subscriptionId.slice(0, 8)}
                <div className="text-xs text-slate-500">
                  rev {p.fromRevision}→{p.toRevision}
                  {p.fromVersion !== p.toVersion ? `, version ${p.fromVersion}→${p.toVersion}` : ""}
                </div>
              </td>
              <td>
                <Shipments rows={p.before} />
              </td>
              <td className={p.changed ? "bg-emerald-50" : ""}>
                <Shipments rows={p.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
