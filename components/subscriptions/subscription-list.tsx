"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { formatMoney } from "@/components/ui/format";
import { ProductImage } from "@/components/ui/product-image";
import { formatLocalDay, frequencyLabel } from "./format";
import { subscriptionListQuery } from "./queries";
import { nextLine, StatusBadge } from "./status-badge";

export function SubscriptionList() {
  const { data, isPending, isError, error } = useQuery(subscriptionListQuery());
  if (isPending) {
    return (
      <ul aria-busy="true" aria-label="Loading subscriptions" className="grid gap-3">
        {[0, 1].map((i) => (
          <li key={i} className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white" />
        ))}
      </ul>
    );
  }
  if (isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        {error.message}
      </p>
    );
  if (data.length === 0) {
    return (
      <EmptyState title="No subscriptions yet">
        Set up a recurring delivery in under a minute.{" "}
        <Link href="/subscriptions/new" className="font-medium text-brand-700 underline">
          Start a subscription
        </Link>
      </EmptyState>
    );
  }
  return (
    <ul aria-label="Subscriptions" className="grid gap-3">
      {data.map((s) => (
        <li key={s.id}>
          <Link
            href={`/subscriptions/${s.id}`}
            className="flex flex-wrap items-center justify-between gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-500"
          >
            <div className="flex min-w-0 items-center gap-4">
              <ProductImage sku={s.product.sku} name={s.product.name} />
              <div className="min-w-0">
                <div className="flex items-center gap-3">
                  <span className="font-medium text-slate-900">{s.product.name}</span>
                  <StatusBadge status={s.status} />
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {s.quantity} × {formatMoney(s.product.priceMinor, s.product.currency)} · {frequencyLabel(s.frequency)}
                </p>
              </div>
            </div>
            <div className="text-right text-sm">
              <p className="font-medium text-slate-800">{nextLine(s, formatLocalDay)}</p>
              <span className="text-brand-700">Manage →</span>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
