"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { formatMoney } from "@/components/ui/format";
import type { SkuDemand } from "@/server/forecast/model";
import { runWhatIf, type WhatIfRequest } from "./api";

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * A draft change — a price, a program's unpublished draft revision, the approval threshold —
 * applied to a copy of the book and shown against the current forecast. Nothing is saved.
 */
export function WhatIfPanel({ weeks, skus }: { weeks: number; skus: SkuDemand[] }) {
  const [error, setError] = useState<string | null>(null);
  const what = useMutation({ mutationFn: runWhatIf, onError: (e) => setError(e.message), onSuccess: () => setError(null) });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body: Partial<WhatIfRequest> = { weeks };
    const productId = String(f.get("productId") ?? "");
    const price = String(f.get("priceMinor") ?? "").trim();
    if (productId && price) body.prices = [{ productId, priceMinor: Math.round(Number(price) * 100) }];
    const programId = String(f.get("programId") ?? "").trim();
    if (programId) body.programRevision = { programId };
    const threshold = String(f.get("threshold") ?? "").trim();
    if (threshold) body.approvalThresholdMinor = Math.round(Number(threshold) * 100);
    what.mutate(body);
  };
  const d = what.data;
  return (
    <Card title="What if…">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="What-if change">
        <Field label="Product">
          {(p) => (
            <Select {...p} name="productId" defaultValue="">
              <option value="">—</option>
              {skus.map((s) => (
                <option key={s.productId} value={s.productId}>
                  {s.sku}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="New price">{(p) => <Input {...p} name="priceMinor" type="number" step="0.01" min={0} className="w-28" />}</Field>
        <Field label="Program draft (program id)">{(p) => <Input {...p} name="programId" className="w-72" />}</Field>
        <Field label="Approval threshold">{(p) => <Input {...p} name="threshold" type="number" step="0.01" min={0} className="w-28" />}</Field>
        <Button type="submit" disabled={what.isPending}>
          Compare
        </Button>
      </form>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      {d && (
        <div className="mt-4 grid gap-4 lg:grid-cols-2" data-testid="what-if-result">
          <table className="text-sm">
            <caption className="text-left font-semibold">Per week: current → draft</caption>
            <thead>
              <tr className="text-left text-xs uppercase text-slate-500">
                <th className="pr-3">Week</th>
                <th className="pr-3">Orders</th>
                <th className="pr-3">Revenue</th>
                <th>Need approval</th>
              </tr>
            </thead>
            <tbody>
              {d.difference.weekly.map((w) => (
                <tr key={w.start} className="border-b border-slate-100">
                  <td className="pr-3">{w.start}</td>
                  <td className="pr-3 tabular-nums">
                    {w.base.orders} → {w.draft.orders}
                  </td>
                  <td className="pr-3 tabular-nums">
                    {formatMoney(w.base.revenueMinor, "USD")} → {formatMoney(w.draft.revenueMinor, "USD")}
                  </td>
                  <td className="tabular-nums">
                    {w.base.needApproval} → {w.draft.needApproval}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="text-sm">
            <caption className="text-left font-semibold">Units per SKU: change per week</caption>
            <tbody>
              {d.difference.skus
                .filter((s) => s.delta.some((v) => v !== 0))
                .map((s) => (
                  <tr key={s.productId} className="border-b border-slate-100">
                    <th className="pr-3 text-left">{s.sku}</th>
                    <td className="tabular-nums">{s.delta.map(signed).join(" · ")}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
