"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatMoney } from "@/components/ui/format";
import { FREQUENCIES, FREQUENCY_LABELS, type Frequency } from "@/server/schedule/frequencies";
import type { SubscriptionDto } from "@/server/subscriptions/subscription-dto.schema";
import { formatLocalDay } from "./format";
import { DialogFooter, type DialogProps, dialogInput, onConfirm } from "./dialog-form";
import { Modal } from "./modal";
import { QuantityStepper } from "./quantity-stepper";
import { cancelReasonOptions, type CancelReason } from "@/server/subscriptions/model";
import { saveOfferQuery } from "./queries";

export function PauseDialog({ open, onClose, onSubmit, busy, today, fieldError }: DialogProps & { today: string }) {
  const [mode, setMode] = useState<"open" | "until">("open");
  const [until, setUntil] = useState("");
  return (
    <Modal open={open} title="Pause subscription" onClose={onClose}>
      <form method="dialog" onSubmit={onConfirm(() => onSubmit(mode === "until" && until ? { kind: "pause", until } : { kind: "pause" }))}>
        <p className="text-sm text-slate-600">No orders are created while paused. Deliveries that fall in the pause are skipped, not sent later.</p>
        <fieldset className="mt-4 flex flex-col gap-3">
          <legend className="sr-only">How long</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="pause-mode" checked={mode === "open"} onChange={() => setMode("open")} className="accent-brand-600" />
            Until I resume
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="pause-mode" checked={mode === "until"} onChange={() => setMode("until")} className="accent-brand-600" />
            Until a date
          </label>
          <label htmlFor="pause-until" className="text-sm font-medium text-slate-700">
            Resume on
          </label>
          <input
            id="pause-until"
            type="date"
            className={dialogInput}
            min={today}
            value={until}
            disabled={mode !== "until"}
            onChange={(e) => setUntil(e.target.value)}
            aria-invalid={Boolean(fieldError)}
            aria-describedby={fieldError ? "pause-until-error" : undefined}
          />
          {fieldError && (
            <p id="pause-until-error" role="alert" className="text-xs text-red-600">
              {fieldError}
            </p>
          )}
        </fieldset>
        <DialogFooter submit="Pause subscription" busy={busy || (mode === "until" && !until)} />
      </form>
    </Modal>
  );
}

export function RescheduleDialog({ open, onClose, onSubmit, busy, next, fieldError }: DialogProps & { next: NonNullable<SubscriptionDto["next"]> }) {
  const [date, setDate] = useState(next.localDate);
  return (
    <Modal open={open} title="Move next delivery" onClose={onClose}>
      <form method="dialog" onSubmit={onConfirm(() => onSubmit({ kind: "reschedule", localDate: date }))}>
        <p className="text-sm text-slate-600">
          Currently {formatLocalDay(next.localDate)}. Only this delivery moves; the rest of the schedule stays the same.
        </p>
        <div className="mt-4 flex flex-col gap-1">
          <label htmlFor="reschedule-date" className="text-sm font-medium text-slate-700">
            New date
          </label>
          <input
            id="reschedule-date"
            type="date"
            className={dialogInput}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={Boolean(fieldError)}
            aria-describedby={fieldError ? "reschedule-error" : undefined}
          />
          {fieldError && (
            <p id="reschedule-error" role="alert" className="text-xs text-red-600">
              {fieldError}
            </p>
          )}
        </div>
        <DialogFooter submit="Move delivery" busy={busy || !date} />
      </form>
    </Modal>
  );
}

export function ChangeDialog({ open, onClose, onSubmit, busy, subscription, fieldError }: DialogProps & { subscription: SubscriptionDto }) {
  const [frequency, setFrequency] = useState<Frequency>(subscription.frequency);
  const [quantity, setQuantity] = useState(subscription.quantity);
  return (
    <Modal open={open} title="Change subscription" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={onConfirm(() =>
          onSubmit({
            kind: "change",
            frequency: frequency === subscription.frequency ? undefined : frequency,
            quantity: quantity === subscription.quantity ? undefined : quantity,
          }),
        )}
      >
        <div className="flex flex-col gap-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="change-frequency" className="text-sm font-medium text-slate-700">
              Frequency
            </label>
            <select
              id="change-frequency"
              className={dialogInput}
              value={frequency}
              onChange={(e) => setFrequency(e.target.value as Frequency)}
              aria-invalid={Boolean(fieldError)}
              aria-describedby="change-frequency-hint"
            >
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {FREQUENCY_LABELS[f]}
                </option>
              ))}
            </select>
            <p id="change-frequency-hint" className="text-xs text-slate-500">
              {fieldError ??
                (subscription.next
                  ? `A new frequency starts from your next delivery, ${formatLocalDay(subscription.next.localDate)}.`
                  : "Applies from your next delivery.")}
            </p>
          </div>
          <QuantityStepper id="change-quantity" value={quantity} onChange={setQuantity} />
          <p className="text-xs text-slate-500">Orders already created keep their quantity.</p>
        </div>
        <DialogFooter
          submit="Save changes"
          busy={busy || (frequency === subscription.frequency && quantity === subscription.quantity) || !Number.isFinite(quantity)}
        />
      </form>
    </Modal>
  );
}

export function OrderNowDialog({ open, onClose, onSubmit, busy, subscription }: DialogProps & { subscription: SubscriptionDto }) {
  const total = subscription.product.priceMinor * subscription.quantity;
  // One intent = one order, however often it's sent. randomUUID needs a secure context (https/localhost).
  const [key] = useState(() => globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  return (
    <Modal open={open} title="Order now?" onClose={onClose}>
      <form method="dialog" onSubmit={onConfirm(() => onSubmit({ kind: "order_now", idempotencyKey: key }))}>
        <p className="text-sm text-slate-600">
          An extra order of {subscription.product.name} × {subscription.quantity} ({formatMoney(total, subscription.product.currency)}) is created
          today. Your scheduled deliveries don&apos;t change — skip the next one if this replaces it.
        </p>
        <DialogFooter submit="Place order" busy={busy} />
      </form>
    </Modal>
  );
}

/**
 * Click-to-cancel: the confirm button cancels whatever else is chosen. Picking a reason is
 * optional; when the merchandiser configured a save offer for it, the offer shows as an
 * alternative that one click accepts, and the confirm button becomes "No thanks, cancel".
 */
export function CancelDialog({ open, onClose, onSubmit, busy, subscriptionId }: DialogProps & { subscriptionId: string }) {
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [note, setNote] = useState("");
  const offer = useQuery(saveOfferQuery(subscriptionId, reason));
  const shown = reason !== null ? (offer.data ?? null) : null;
  return (
    <Modal open={open} title="Cancel subscription?" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={onConfirm(() =>
          onSubmit({ kind: "cancel", reason: reason ?? undefined, note: note.trim() || undefined, declinedOfferId: shown?.id }),
        )}
      >
        <p className="text-sm text-slate-600">No more orders will be created. Orders already placed are not affected. This can&apos;t be undone.</p>
        <fieldset className="mt-4 flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-700">Why are you cancelling? (optional)</legend>
          {cancelReasonOptions().map((o) => (
            <label key={o.value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="cancel-reason"
                value={o.value}
                checked={reason === o.value}
                onChange={() => setReason(o.value)}
                className="accent-brand-600"
              />
              {o.label}
            </label>
          ))}
        </fieldset>
        <div className="mt-3 flex flex-col gap-1">
          <label htmlFor="cancel-note" className="text-sm font-medium text-slate-700">
            Anything else you&apos;d like to tell us? (optional)
          </label>
          <textarea id="cancel-note" className={dialogInput} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div aria-live="polite">
          {shown && reason && (
            <section aria-labelledby="save-offer-title" className="mt-4 rounded-md border border-brand-200 bg-brand-50 p-3" data-testid="save-offer">
              <h3 id="save-offer-title" className="text-sm font-semibold text-slate-900">
                {shown.message}
              </h3>
              <Button className="mt-2" disabled={busy} onClick={() => onSubmit({ kind: "accept_offer", offerId: shown.id, reason })}>
                {shown.label}
              </Button>
            </section>
          )}
        </div>
        <DialogFooter submit={shown ? "No thanks, cancel" : "Cancel subscription"} cancelLabel="Keep subscription" busy={busy} danger />
      </form>
    </Modal>
  );
}
