"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { dashboardKeys } from "@/components/dashboard/api";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime, formatDuration, formatMoney } from "@/components/ui/format";
import { type AdminOrderDetail, orderDetailQuery, orderKeys, sendOrderEvent } from "./api";
import { OrderTimeline } from "./order-timeline";

function Facts({ d }: { d: AdminOrderDetail }) {
  const o = d.order;
  const items: Array<[string, string]> = [
    ["Customer", [o.customerName, o.customerEmail].filter(Boolean).join(" · ") || "—"],
    ["Total", formatMoney(o.totalMinor, o.currency)],
    ["Channel", o.channel ?? "—"],
    ["Kind", o.kind ?? "—"],
    ["Created", formatDateTime(o.createdAt)],
    ["Workflow", d.workflow ? `${d.workflow.workflow} v${d.workflow.version}` : "not started"],
    ["Payment", d.payment ? `${d.payment.status} · ${formatMoney(d.payment.amountMinor, d.payment.currency)} (${d.payment.gateway})` : "none yet"],
  ];
  if (o.shippingAddress) {
    const a = o.shippingAddress;
    items.push(["Ship to", [a.name, a.line1, a.postalCode, a.city, a.country].filter(Boolean).join(", ")]);
  }
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{k}</dt>
          <dd className="mt-0.5 text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Lines({ d }: { d: AdminOrderDetail }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Order lines</caption>
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="px-1.5 py-1 font-medium">
            Item
          </th>
          <th scope="col" className="px-1.5 py-1 text-right font-medium">
            Qty
          </th>
          <th scope="col" className="px-1.5 py-1 text-right font-medium">
            Reserved
          </th>
          <th scope="col" className="px-1.5 py-1 text-right font-medium">
            Unit price
          </th>
          <th scope="col" className="px-1.5 py-1 text-right font-medium">
            Line total
          </th>
        </tr>
      </thead>
      <tbody>
        {d.lines.map((l) => (
          <tr key={l.id} className="border-t border-slate-100">
            <td className="px-1.5 py-2">
              {l.name} <span className="text-xs text-slate-500">{l.sku}</span>
            </td>
            <td className="px-1.5 py-2 text-right tabular-nums">{l.quantity}</td>
            <td className="px-1.5 py-2 text-right tabular-nums">{l.reservedQuantity ?? "—"}</td>
            <td className="px-1.5 py-2 text-right tabular-nums">{formatMoney(l.unitPriceMinor, d.order.currency)}</td>
            <td className="px-1.5 py-2 text-right tabular-nums">{formatMoney(l.unitPriceMinor * l.quantity, d.order.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AttemptsTable({ d }: { d: AdminOrderDetail }) {
  if (d.attempts.length === 0) return <p className="text-sm text-slate-500">No actions have run yet.</p>;
  return (
    <table className="w-full text-xs">
      <caption className="sr-only">Action attempts</caption>
      <thead className="text-left uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="px-1.5 py-1 font-medium">
            When
          </th>
          <th scope="col" className="px-1.5 py-1 font-medium">
            State
          </th>
          <th scope="col" className="px-1.5 py-1 font-medium">
            Action
          </th>
          <th scope="col" className="px-1.5 py-1 text-right font-medium">
            Try
          </th>
          <th scope="col" className="px-1.5 py-1 font-medium">
            Result
          </th>
        </tr>
      </thead>
      <tbody>
        {d.attempts.map((a, i) => (
          <tr key={i} className="border-t border-slate-100">
            <td className="px-1.5 py-1.5 text-slate-600">{formatDateTime(a.at)}</td>
            <td className="px-1.5 py-1.5">{a.stateId}</td>
            <td className="px-1.5 py-1.5">
              {a.actionType} <span className="text-slate-400">{a.actionId}</span>
            </td>
            <td className="px-1.5 py-1.5 text-right tabular-nums">{a.attempt}</td>
            <td className={`px-1.5 py-1.5 ${a.status === "failed" ? "text-red-700" : "text-brand-700"}`}>
              {a.status}
              {a.durationMs ? ` · ${a.durationMs} ms` : ""}
              {a.error ? ` · ${a.error}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Staff view of one order: header, lines, workflow timeline, action attempts, "Mark shipped". */
export function OrderDetail({ orderId }: { orderId: string }) {
  const qc = useQueryClient();
  const q = useQuery(orderDetailQuery(orderId));
  const ship = useMutation({
    mutationFn: () => sendOrderEvent(orderId, "order/shipped"),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
      void qc.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });

  if (q.isPending) return <p className="text-sm text-slate-500">Loading order…</p>;
  if (q.isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        Could not load this order: {q.error.message}
      </p>
    );
  const d = q.data;
  const o = d.order;
  // Measured against when the data was fetched, so the text is stable between refetches.
  const sinceEntered = o.stateEnteredAt ? Math.max(0, (q.dataUpdatedAt - new Date(o.stateEnteredAt).getTime()) / 1000) : null;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={`Order #${o.number}`}
        description={sinceEntered !== null ? `In ${o.state} for ${formatDuration(sinceEntered)}` : undefined}
        actions={
          <div className="flex items-center gap-3">
            <span className="rounded-full bg-slate-800 px-3 py-1 text-xs font-semibold text-white" data-testid="order-state">
              {o.state}
            </span>
            {o.state === "ready_to_ship" && (
              <Button onClick={() => ship.mutate()} disabled={ship.isPending || ship.isSuccess}>
                {ship.isPending ? "Recording…" : ship.isSuccess ? "Shipment recorded" : "Mark shipped"}
              </Button>
            )}
          </div>
        }
      />
      {ship.isError && (
        <p role="alert" className="text-sm text-red-600">
          {ship.error.message}
        </p>
      )}
      {o.flags && o.flags.length > 0 && <p className="text-xs text-amber-700">Flags: {o.flags.join(", ")}</p>}
      <Card>
        <Facts d={d} />
      </Card>
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <Card title="Timeline">
          <OrderTimeline rows={d.timeline} pinned={d.workflow} />
        </Card>
        <div className="flex flex-col gap-4">
          <Card title="Lines">
            <Lines d={d} />
          </Card>
          <Card title="Action attempts">
            <AttemptsTable d={d} />
          </Card>
        </div>
      </div>
    </div>
  );
}
