"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatMoney } from "@/components/ui/format";
import type { SubscriptionDto } from "@/server/subscriptions/subscription-dto.schema";
import type { SwapScope } from "@/server/subscriptions/swap-addons.schema";
import { formatLocalDay } from "./format";
import { DialogFooter, type DialogProps, dialogInput, onConfirm } from "./dialog-form";
import { Modal } from "./modal";
import { QuantityStepper } from "./quantity-stepper";
import { productsQuery, swapOptionsQuery } from "./queries";

/** Swap to one of the merchandiser's allowed products, for the next delivery only or from it on. */
export function SwapDialog({ open, onClose, onSubmit, busy, subscription, fieldError }: DialogProps & { subscription: SubscriptionDto }) {
  const options = useQuery(swapOptionsQuery(subscription.id));
  const [productId, setProductId] = useState("");
  const [scope, setScope] = useState<SwapScope>(subscription.next ? "once" : "future");
  const choices = options.data ?? [];
  const chosen = productId || choices[0]?.id || "";
  return (
    <Modal open={open} title="Swap product" onClose={onClose}>
      <form method="dialog" onSubmit={onConfirm(() => onSubmit({ kind: "swap", productId: chosen, scope }))}>
        {options.isPending ? (
          <p role="status" className="text-sm text-slate-500">
            Loading products…
          </p>
        ) : choices.length === 0 ? (
          <p className="text-sm text-slate-600">There are no swaps for {subscription.product.name} at the moment.</p>
        ) : (
          <div className="flex flex-col gap-4">
            <div className="flex flex-col gap-1">
              <label htmlFor="swap-product" className="text-sm font-medium text-slate-700">
                Instead of {subscription.product.name}
              </label>
              <select
                id="swap-product"
                className={dialogInput}
                value={chosen}
                onChange={(e) => setProductId(e.target.value)}
                aria-invalid={Boolean(fieldError)}
                aria-describedby={fieldError ? "swap-error" : undefined}
              >
                {choices.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} — {formatMoney(p.priceMinor, p.currency)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="flex flex-col gap-2">
              <legend className="text-sm font-medium text-slate-700">For</legend>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="swap-scope"
                  checked={scope === "once"}
                  disabled={!subscription.next}
                  onChange={() => setScope("once")}
                  className="accent-brand-600"
                />
                This delivery only{subscription.next ? ` (${formatLocalDay(subscription.next.localDate)})` : ""}
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="swap-scope" checked={scope === "future"} onChange={() => setScope("future")} className="accent-brand-600" />
                This and all future deliveries
              </label>
            </fieldset>
            <p className="text-xs text-slate-500">Priced at the catalog price when the order is created. Orders already created don&apos;t change.</p>
            {fieldError && (
              <p id="swap-error" role="alert" className="text-xs text-red-600">
                {fieldError}
              </p>
            )}
          </div>
        )}
        <DialogFooter submit="Swap product" busy={busy || !chosen} />
      </form>
    </Modal>
  );
}

/** A product × quantity on the next delivery only: same order, same charge, not repeated. */
export function AddonDialog({ open, onClose, onSubmit, busy, subscription, fieldError }: DialogProps & { subscription: SubscriptionDto }) {
  const products = useQuery(productsQuery());
  const [productId, setProductId] = useState("");
  const [quantity, setQuantity] = useState(1);
  const choices = products.data ?? [];
  const chosen = productId || choices[0]?.id || "";
  return (
    <Modal open={open} title="Add to next delivery" onClose={onClose}>
      <form method="dialog" onSubmit={onConfirm(() => onSubmit({ kind: "add_addon", productId: chosen, quantity }))}>
        <p className="text-sm text-slate-600">
          {subscription.next
            ? `Ships and is charged with your delivery of ${formatLocalDay(subscription.next.localDate)}, once.`
            : "Ships with your next delivery, once."}
        </p>
        <div className="mt-4 flex flex-col gap-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="addon-product" className="text-sm font-medium text-slate-700">
              Product
            </label>
            <select
              id="addon-product"
              className={dialogInput}
              value={chosen}
              onChange={(e) => setProductId(e.target.value)}
              aria-invalid={Boolean(fieldError)}
              aria-describedby={fieldError ? "addon-error" : undefined}
            >
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} — {formatMoney(p.priceMinor, p.currency)}
                </option>
              ))}
            </select>
          </div>
          <QuantityStepper id="addon-quantity" value={quantity} onChange={setQuantity} />
          {fieldError && (
            <p id="addon-error" role="alert" className="text-xs text-red-600">
              {fieldError}
            </p>
          )}
        </div>
        <DialogFooter submit="Add to delivery" busy={busy || !chosen || !Number.isFinite(quantity)} />
      </form>
    </Modal>
  );
}
