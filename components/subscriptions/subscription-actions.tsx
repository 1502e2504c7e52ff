"use client";

import { useState } from "react";
import { ApiError } from "@/components/ui/fetch-json";
import { Button } from "@/components/ui/button";
import type { SubscriptionDetailDto } from "@/server/subscriptions/subscription-dto.schema";
import { canPerform } from "@/server/subscriptions/subscription-status";
import { CancelDialog, ChangeDialog, OrderNowDialog, PauseDialog, RescheduleDialog } from "./action-dialogs";
import { ChangeAddressDialog } from "./address-dialogs";
import { useSubscriptionAction, type SubscriptionAction } from "./queries";
import { AddonDialog, SwapDialog } from "./swap-addon-dialogs";

type DialogKind = "pause" | "reschedule" | "change" | "order_now" | "swap" | "add_addon" | "cancel" | "change_address";

const DONE: Record<SubscriptionAction["kind"], string> = {
  pause: "Subscription paused.",
  resume: "Subscription resumed.",
  skip: "Next delivery skipped.",
  unskip: "Delivery restored.",
  reschedule: "Next delivery moved.",
  change: "Changes saved.",
  order_now: "Extra order placed.",
  cancel: "Subscription cancelled. A confirmation email is on its way.",
  accept_offer: "Offer accepted: your subscription continues. A confirmation email is on its way.",
  swap: "Product swapped.",
  add_addon: "Added to your next delivery.",
  remove_addon: "Add-on removed.",
  change_address: "Address changed for this and all future deliveries.",
  send_elsewhere: "This delivery goes to the other address.",
  ship_home: "This delivery goes to your subscription's address again.",
};

/** The action bar: every button is enabled by the same transition table the server guards with. */
export function SubscriptionActions({ detail, today }: { detail: SubscriptionDetailDto; today: string }) {
  const s = detail.subscription;
  const mutation = useSubscriptionAction(s.id);
  const [dialog, setDialog] = useState<{ kind: DialogKind } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const error = mutation.error;
  const fieldError = error instanceof ApiError && error.fields ? Object.values(error.fields)[0] : undefined;

  const run = (action: SubscriptionAction) => {
    setMessage(null);
    mutation.mutate(action, {
      onSuccess: () => {
        setMessage(DONE[action.kind]);
        setDialog(null);
      },
    });
    // Optimistic actions close at once; the others wait so field errors can show in the dialog.
    if (["pause", "resume", "skip", "unskip"].includes(action.kind)) setDialog(null);
  };
  const open = (kind: DialogKind) => {
    mutation.reset();
    setDialog({ kind });
  };
  const close = () => setDialog(null);
  const busy = mutation.isPending;
  const hasSkipped = detail.upcoming.some((c) => c.skipped);
  // Dialogs mount on open (fresh state each time) and unmount on close.
  const props = (kind: DialogKind) => ({ open: dialog?.kind === kind, onClose: close, onSubmit: run, busy, fieldError });

  return (
    <div>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Subscription actions">
        {canPerform(s.status, "pause") && (
          <Button variant="secondary" onClick={() => open("pause")}>
            Pause
          </Button>
        )}
        {canPerform(s.status, "resume") && (
          <Button onClick={() => run({ kind: "resume" })} disabled={busy}>
            Resume
          </Button>
        )}
        {canPerform(s.status, "skip") && s.next && (
          <Button variant="secondary" onClick={() => run({ kind: "skip" })} disabled={busy}>
            Skip next delivery
          </Button>
        )}
        {canPerform(s.status, "unskip") && hasSkipped && (
          <Button variant="secondary" onClick={() => run({ kind: "unskip" })} disabled={busy}>
            Undo skip
          </Button>
        )}
        {canPerform(s.status, "reschedule") && s.next && (
          <Button variant="secondary" onClick={() => open("reschedule")}>
            Reschedule next
          </Button>
        )}
        {canPerform(s.status, "order_now") && (
          <Button variant="secondary" onClick={() => open("order_now")}>
            Order now
          </Button>
        )}
        {canPerform(s.status, "change") && (
          <Button variant="secondary" onClick={() => open("change")}>
            Change frequency or quantity
          </Button>
        )}
        {canPerform(s.status, "swap") && (
          <Button variant="secondary" onClick={() => open("swap")}>
            Swap product
          </Button>
        )}
        {canPerform(s.status, "addon") && s.next && (
          <Button variant="secondary" onClick={() => open("add_addon")}>
            Add to next delivery
          </Button>
        )}
        {canPerform(s.status, "change_address") && (
          <Button variant="secondary" onClick={() => open("change_address")}>
            Change address
          </Button>
        )}
        {canPerform(s.status, "cancel") && (
          <Button variant="danger" onClick={() => open("cancel")}>
            Cancel subscription
          </Button>
        )}
      </div>
      <div aria-live="polite" className="mt-3 min-h-5 text-sm">
        {message && !error && (
          <p role="status" className="text-brand-700">
            {message}
          </p>
        )}
        {error && !dialog && (
          <p role="alert" className="text-red-600">
            {error.message}
          </p>
        )}
      </div>

      {dialog?.kind === "pause" && <PauseDialog {...props("pause")} today={today} />}
      {dialog?.kind === "reschedule" && s.next && <RescheduleDialog {...props("reschedule")} next={s.next} />}
      {dialog?.kind === "change" && <ChangeDialog {...props("change")} subscription={s} />}
      {dialog?.kind === "order_now" && <OrderNowDialog {...props("order_now")} subscription={s} />}
      {dialog?.kind === "swap" && <SwapDialog {...props("swap")} subscription={s} />}
      {dialog?.kind === "add_addon" && <AddonDialog {...props("add_addon")} subscription={s} />}
      {dialog?.kind === "cancel" && <CancelDialog {...props("cancel")} subscriptionId={s.id} />}
      {dialog?.kind === "change_address" && (
        <ChangeAddressDialog {...props("change_address")} current={s.address} onSubmit={(addressId) => run({ kind: "change_address", addressId })} />
      )}
      {dialog && error && !fieldError && (
        <p role="alert" className="sr-only">
          {error.message}
        </p>
      )}
    </div>
  );
}
