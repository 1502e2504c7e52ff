import type { PreviewRow } from "./api";

/** Shipment rows shared by the editor preview and the portal's join page. */
export function PreviewTable({ rows, label }: { rows: PreviewRow[]; label: string }) {
  return (
    <table aria-label={label} className="w-full text-sm">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1">#</th>
          <th>Delivery</th>
          <th>Event</th>
          <th>Item</th>
          <th>Ships</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.shipmentIndex} className="border-t border-slate-100" data-testid="preview-row">
            <td className="py-1">{r.shipmentIndex + 1}</td>
            <td>{r.date}</td>
            <td>Event {r.eventNumber}</td>
            <td>{r.productName}</td>
            <td>
              {r.missingSubstitute ? (
                <span className="font-medium text-red-700">No substitute yet</span>
              ) : r.substituted ? (
                <span>
                  {r.shipsName} <span className="rounded bg-violet-100 px-1.5 text-xs text-violet-800">substituted</span>
                </span>
              ) : (
                r.shipsName
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
