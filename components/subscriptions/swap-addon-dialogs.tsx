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
            <ProductSelect
              id="swap-product"
              label={`Instead of ${subscription.product.name}`}
              choices={choices}
              value={chosen}
              onChange={setProductId}
              fieldError={fieldError}
              errorId="swap-error"
            />
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
          <ProductSelect
            id="addon-product"
            label="Product"
            choices={choices}
            value={chosen}
            onChange={setProductId}
            fieldError={fieldError}
            errorId="addon-error"
          />
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

/** A product picker with its price; the error itself is rendered by the dialog under `errorId`. */
function ProductSelect(p: {
  id: string;
  label: string;
  choices: ReadonlyArray<{ id: string; name: string; priceMinor: number; currency: string }>;
  value: string;
  onChange: (id: string) => void;
  fieldError?: string;
  errorId: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={p.id} className="text-sm font-medium text-slate-700">
        {p.label}
      </label>
      <select
        id={p.id}
        className={dialogInput}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        aria-invalid={Boolean(p.fieldError)}
        aria-describedby={p.fieldError ? p.errorId : undefined}
      >
        {p.choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} — {formatMoney(c.priceMinor, c.currency)}
          </option>
        ))}
      </select>
    </div>
  );
}
