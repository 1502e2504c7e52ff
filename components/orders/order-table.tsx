import Link from "next/link";
import { formatMoney } from "@/components/ui/format";
import type { OrderDto } from "@/server/subscriptions/subscription-dto.schema";

const KIND_LABELS: Record<OrderDto["kind"], string> = {
  subscription: "Scheduled delivery",
  order_now: "Extra order",
  one_off: "One-off",
  intake: "Store order",
};

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric" }) : "–";

/** Orders as a table: number, kind, date, items, total, state. */
export function OrderTable({ orders, showSubscription = false, caption }: { orders: OrderDto[]; showSubscription?: boolean; caption: string }) {
  if (orders.length === 0) return <p className="text-sm text-slate-500">No orders yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Order
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Type
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              For
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Items
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Total
            </th>
            <th scope="col" className="py-2 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orders.map((o) => (
            <tr key={o.id} data-order-number={o.number}>
              <td className="py-2 pr-4 font-medium text-slate-900">#{o.number}</td>
              <td className="py-2 pr-4 text-slate-700">
                {KIND_LABELS[o.kind]}
                {showSubscription && o.subscriptionId && (
                  <>
                    {" "}
                    ·{" "}
                    <Link className="text-brand-700 underline" href={`/subscriptions/${o.subscriptionId}`}>
                      subscription
                    </Link>
                  </>
                )}
              </td>
              <td className="py-2 pr-4 text-slate-700">{when(o.scheduledFor ?? o.createdAt)}</td>
              <td className="py-2 pr-4 text-slate-700">{o.lines.map((l) => `${l.name} × ${l.quantity}`).join(", ")}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(o.totalMinor, o.currency)}</td>
              <td className="py-2">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{o.state.replaceAll("_", " ")}</span>
                {o.flags.includes("backordered") && (
                  <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">backordered</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
