"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { OrderTable } from "@/components/orders/order-table";
import { ProgramSubscriptionLink } from "@/components/programs/portal/program-subscription-link";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/components/ui/fetch-json";
import { formatMoney } from "@/components/ui/format";
import { addressLine } from "@/components/addresses/queries";
import { ActivityList } from "./activity-list";
import { DeliveryTimeline } from "./delivery-timeline";
import { endLabel, formatLocalDay, formatLocalTime, frequencyLabel } from "./format";
import { subscriptionDetailQuery } from "./queries";
import { SubscriptionActions } from "./subscription-actions";
import { nextLine, StatusBadge } from "./status-badge";

export function SubscriptionDetail({ id, today }: { id: string; today: string }) {
  const { data, isPending, isError, error } = useQuery(subscriptionDetailQuery(id));
  if (isPending)
    return (
      <p role="status" className="text-sm text-slate-500">
        Loading subscription…
      </p>
    );
  if (isError) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <div role="alert" className="rounded-lg border border-slate-200 bg-white p-8 text-center">
        <p className="font-medium">{missing ? "Subscription not found" : error.message}</p>
        <Link href="/subscriptions" className="mt-2 inline-block text-sm text-brand-700 underline">
          Back to your subscriptions
        </Link>
      </div>
    );
  }
  const s = data.subscription;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm">
            <Link href="/subscriptions" className="text-slate-500 hover:text-slate-800">
              ← Subscriptions
            </Link>
          </p>
          <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold tracking-tight">
            {s.product.name} <StatusBadge status={s.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {s.quantity} × {formatMoney(s.product.priceMinor, s.product.currency)} · {frequencyLabel(s.frequency)} at {formatLocalTime(s.localTime)} (
            {s.timeZone}) · {endLabel(s.end)}
          </p>
          <p className="mt-1 text-sm text-slate-600" data-testid="ships-to">
            Ships to {s.address ? addressLine(s.address) : "your default address"}
          </p>
          {s.discount && (
            <p className="mt-1 text-sm font-medium text-brand-700" data-testid="discount">
              {s.discount.percent}% off your next {s.discount.ordersLeft === 1 ? "order" : `${s.discount.ordersLeft} orders`}
            </p>
          )}
        </div>
        <div className="text-right">
          <p className="text-xs uppercase tracking-wide text-slate-500">Next delivery</p>
          <p className="text-lg font-semibold" data-testid="next-delivery">
            {s.status === "active" && s.next ? formatLocalDay(s.next.localDate) : nextLine(s, formatLocalDay)}
          </p>
        </div>
      </div>

      <ProgramSubscriptionLink subscriptionId={s.id} />
      <SubscriptionActions detail={data} today={today} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Upcoming shipments">
          {s.status === "paused" && (
            <p className="mb-3 text-xs text-amber-800">
              Paused — {s.pausedUntil ? `deliveries continue from ${formatLocalDay(s.pausedUntil)}` : "these are the dates if you resume now"}.
            </p>
          )}
          <DeliveryTimeline detail={data} />
        </Card>
        <Card title="Activity">
          <ActivityList activity={data.activity} />
        </Card>
      </div>
      <Card title="Order history">
        <OrderTable orders={data.orders} caption="Orders of this subscription" />
      </Card>
    </div>
  );
}
