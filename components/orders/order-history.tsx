"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { ordersQuery } from "@/components/subscriptions/queries";
import { OrderTable } from "./order-table";

export function OrderHistory() {
  const { data, isPending, isError, error } = useQuery(ordersQuery());
  if (isPending)
    return (
      <p role="status" className="text-sm text-slate-500">
        Loading orders…
      </p>
    );
  if (isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        {error.message}
      </p>
    );
  if (data.length === 0) {
    return (
      <EmptyState title="No orders yet">
        Orders appear here as soon as a subscription creates them.{" "}
        <Link href="/subscriptions/new" className="text-brand-700 underline">
          Start a subscription
        </Link>
      </EmptyState>
    );
  }
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <OrderTable orders={data} showSubscription caption="Your orders" />
    </div>
  );
}
