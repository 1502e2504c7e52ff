"use client";

import { addressLine } from "@/components/addresses/queries";
import { formatMoney } from "@/components/ui/format";
import type { CycleAddonDto, SubscriptionDetailDto } from "@/server/subscriptions/subscription-dto.schema";
import { useDeliveryAddressControls } from "./delivery-address-controls";
import { formatLocalDay } from "./format";
import { useSubscriptionAction } from "./queries";

/**
 * The next deliveries; skipped ones are struck through (and say so, for screen readers too).
 * Each shows what it ships: the product (or its "this delivery only" swap), its one-time
 * add-ons, which can be removed until the delivery's order is created, and the address when
 * this one delivery goes elsewhere.
 */
export function DeliveryTimeline({ detail }: { detail: SubscriptionDetailDto }) {
  const { upcoming, subscription } = detail;
  const address = useDeliveryAddressControls(detail);
  if (upcoming.length === 0) {
    return <p className="text-sm text-slate-500">No upcoming deliveries.</p>;
  }
  return (
    <>
      <ol aria-label="Upcoming shipments" className="relative ml-2 border-l border-slate-200">
        {upcoming.map((c) => {
          const isNext = subscription.next?.cycleIndex === c.cycleIndex && !c.skipped;
          return (
            <li
              key={c.cycleIndex}
              data-local-date={c.localDate}
              data-skipped={c.skipped}
              data-cycle-index={c.cycleIndex}
              className="mb-4 ml-5 last:mb-0"
            >
              <span
                className={`absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white ${c.skipped ? "bg-slate-300" : c.order ? "bg-brand-600" : "bg-brand-100 ring-1 ring-brand-500"}`}
              />
              <div className="flex flex-wrap items-center gap-2 text-sm">
                {c.skipped ? (
                  <s className="text-slate-500">{formatLocalDay(c.localDate)}</s>
                ) : (
                  <span className="font-medium text-slate-900">{formatLocalDay(c.localDate)}</span>
                )}
                {c.skipped && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">Skipped</span>}
                {isNext && <span className="rounded bg-brand-100 px-1.5 py-0.5 text-xs text-brand-700">Next</span>}
                {c.rescheduled && !c.skipped && (
                  <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800">Moved from {formatLocalDay(c.nominalDate)}</span>
                )}
                {c.swapped && <span className="rounded bg-sky-50 px-1.5 py-0.5 text-xs text-sky-800">Swapped for this delivery</span>}
                {c.order && <span className="text-xs text-slate-600">Order #{c.order.number} created</span>}
                {address.controls(c)}
              </div>
              <p className="text-xs text-slate-600" data-testid="cycle-product">
                {c.product.name} × {subscription.quantity}
              </p>
              {c.deliveryAddress && (
                <p className="text-xs text-amber-800" data-testid="delivery-address">
                  This delivery only: ships to {addressLine(c.deliveryAddress)}
                </p>
              )}
              {c.addons.length > 0 && (
                <ul aria-label={`Add-ons for ${formatLocalDay(c.localDate)}`} className="mt-1 flex flex-col gap-1">
                  {c.addons.map((a) => (
                    <AddonLine
                      key={a.productId}
                      subscriptionId={subscription.id}
                      cycleIndex={c.cycleIndex}
                      day={formatLocalDay(c.localDate)}
                      addon={a}
                      currency={subscription.product.currency}
                    />
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {address.status}
    </>
  );
}

function AddonLine({
  subscriptionId,
  cycleIndex,
  day,
  addon,
  currency,
}: {
  subscriptionId: string;
  cycleIndex: number;
  day: string;
  addon: CycleAddonDto;
  currency: string;
}) {
  const mutation = useSubscriptionAction(subscriptionId);
  return (
    <li className="flex flex-wrap items-center gap-2 text-xs text-slate-700" data-testid="addon">
      <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">One-time add-on</span>
      <span>
        {addon.name} × {addon.quantity} ({formatMoney(addon.priceMinor * addon.quantity, currency)})
      </span>
      <button
        type="button"
        className="text-brand-700 underline hover:text-brand-900 disabled:text-slate-400"
        aria-label={`Remove ${addon.name} from the delivery of ${day}`}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate({ kind: "remove_addon", cycleIndex, productId: addon.productId })}
      >
        Remove
      </button>
      {mutation.error && (
        <span role="alert" className="text-red-600">
          {mutation.error.message}
        </span>
      )}
    </li>
  );
}
