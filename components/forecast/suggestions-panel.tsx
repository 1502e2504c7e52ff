"use client";

import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { FREQUENCY_LABELS } from "@/server/schedule";
import { suggestionsQuery } from "./api";

/** Subscribers whose one-off reorders of the product suggest a different frequency, with the evidence. */
export function SuggestionsPanel() {
  const { data, error } = useQuery(suggestionsQuery());
  return (
    <Card title="Frequency suggestions">
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      )}
      {data && data.rows.length === 0 && <p className="text-sm text-slate-500">Every subscriber&apos;s reorder rhythm matches their frequency.</p>}
      {data && data.rows.length > 0 && (
        <table className="min-w-full text-sm" data-testid="frequency-suggestions">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase text-slate-500">
              <th className="py-2 pr-3">Customer</th>
              <th className="py-2 pr-3">Product</th>
              <th className="py-2 pr-3">Subscribed</th>
              <th className="py-2 pr-3">Suggested</th>
              <th className="py-2">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.subscriptionId} className="border-b border-slate-100 align-top">
                <td className="py-1.5 pr-3">{r.customerEmail}</td>
                <td className="py-1.5 pr-3">{r.sku}</td>
                <td className="py-1.5 pr-3">{FREQUENCY_LABELS[r.frequency]}</td>
                <td className="py-1.5 pr-3 font-semibold">{r.suggested ? FREQUENCY_LABELS[r.suggested] : "—"}</td>
                <td className="py-1.5 text-slate-600">
                  {r.orderDays.length} one-off order days, median gap {r.medianGapDays} days: {r.orderDays.join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
