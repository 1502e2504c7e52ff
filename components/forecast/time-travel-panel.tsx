"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { formatMoney } from "@/components/ui/format";
import { FREQUENCIES } from "@/server/schedule";
import { timeTravelQuery } from "./api";

const FILTERS = ["customerId", "programId", "productId", "timeZone"] as const;
const LABELS: Record<(typeof FILTERS)[number], string> = {
  customerId: "Customer id",
  programId: "Program id",
  productId: "Product id",
  timeZone: "Time zone",
};

/** The exact orders and charges of the next N months for a customer, program or segment. */
export function TimeTravelPanel() {
  const [params, setParams] = useState<URLSearchParams | null>(null);
  const { data, error, isFetching } = useQuery({ ...timeTravelQuery(params ?? new URLSearchParams()), enabled: params !== null });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const p = new URLSearchParams();
    for (const [k, v] of form) if (typeof v === "string" && v.trim() !== "") p.set(k, v.trim());
    setParams(p);
  };
  return (
    <Card title="Time travel">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Time travel filters">
        {FILTERS.map((name) => (
          <Field key={name} label={LABELS[name]}>
            {(p) => <Input {...p} name={name} className="w-56" />}
          </Field>
        ))}
        <Field label="Frequency">
          {(p) => (
            <Select {...p} name="frequency" defaultValue="">
              <option value="">Any</option>
              {FREQUENCIES.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Months">{(p) => <Input {...p} name="months" type="number" min={1} max={12} defaultValue={3} className="w-20" />}</Field>
        <Button type="submit" disabled={isFetching}>
          Show orders
        </Button>
      </form>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error.message}
        </p>
      )}
      {data && (
        <div className="mt-4" data-testid="time-travel-result">
          <p className="text-sm text-slate-600">
            {data.startDate} → {data.endDate}: {data.totals.orders} orders, {formatMoney(data.totals.amountMinor, "USD")}, program charges{" "}
            {formatMoney(data.totals.chargesMinor, "USD")}
          </p>
          <ol className="mt-3 max-h-96 overflow-y-auto text-sm">
            {data.days.map((d) => (
              <li key={d.date} className="border-b border-slate-100 py-2">
                <span className="font-semibold">{d.date}</span>
                <ul className="ml-4">
                  {d.entries.map((e) => (
                    <li key={`${e.subscriptionId}-${e.cycleIndex}`} className={e.outcome === "order" ? "" : "text-slate-400 line-through"}>
                      {e.outcome === "order"
                        ? e.lines.map((l) => `${l.quantity} × ${l.sku} (${l.name}) ${formatMoney(l.unitPriceMinor * l.quantity, "USD")}`).join(", ")
                        : `${e.outcome}: cycle ${e.cycleIndex}`}
                      {e.chargeMinor > 0 && ` · charge ${formatMoney(e.chargeMinor, "USD")}`}
                      {e.creditMinor > 0 && ` · credit ${formatMoney(e.creditMinor, "USD")}`}
                      <span className="ml-2 text-xs text-slate-500">subscription {e.subscriptionId.slice(0, 8)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Card>
  );
}
