"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import type { SubscriptionDetailDto, UpcomingCycleDto } from "@/server/subscriptions/subscription-dto.schema";
import { canPerform } from "@/server/subscriptions/subscription-status";
import { SendElsewhereDialog } from "./address-dialogs";
import { formatLocalDay } from "./format";
import { useSubscriptionAction } from "./queries";

/**
 * Per delivery on the timeline (a hook: the timeline places the buttons, one live region and dialog serve them all): "Send elsewhere" (a gift to another address) while its order
 * doesn't exist yet, and "Ship to my address" to undo it. Once the order exists the address is
 * locked, so the buttons go (the server refuses too).
 */
export function useDeliveryAddressControls(detail: SubscriptionDetailDto): { controls: (c: UpcomingCycleDto) => ReactNode; status: ReactNode } {
  const s = detail.subscription;
  const mutation = useSubscriptionAction(s.id);
  const [target, setTarget] = useState<UpcomingCycleDto | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const fieldError = mutation.error instanceof ApiError && mutation.error.fields ? Object.values(mutation.error.fields)[0] : undefined;
  if (!canPerform(s.status, "send_delivery_elsewhere")) return { controls: () => null, status: null };

  return {
    controls: (c: UpcomingCycleDto) => {
      const nextCursor = s.next?.cycleIndex ?? -1;
      // Cycles before the cursor are passed (their orders exist or they were skipped).
      const editable = !c.order && !c.skipped && (s.status === "paused" || c.cycleIndex >= nextCursor);
      if (!editable) return null;
      const when = formatLocalDay(c.localDate);
      return c.deliveryAddress ? (
        <Button
          variant="ghost"
          className="px-1.5 py-0.5 text-xs underline"
          disabled={mutation.isPending}
          aria-label={`Ship to my address: the delivery of ${when}`}
          onClick={() => {
            setMessage(null);
            mutation.mutate(
              { kind: "ship_home", cycleIndex: c.cycleIndex },
              { onSuccess: () => setMessage("This delivery goes to your subscription's address again.") },
            );
          }}
        >
          Ship to my address
        </Button>
      ) : (
        <Button
          variant="ghost"
          className="px-1.5 py-0.5 text-xs underline"
          aria-label={`Send elsewhere: the delivery of ${when}`}
          onClick={() => {
            mutation.reset();
            setMessage(null);
            setTarget(c);
          }}
        >
          Send elsewhere
        </Button>
      );
    },
    status: (
      <>
        <div aria-live="polite" className="mt-2 min-h-5 text-sm">
          {message && !mutation.error && (
            <p role="status" className="text-brand-700">
              {message}
            </p>
          )}
          {mutation.error && !target && (
            <p role="alert" className="text-red-600">
              {mutation.error.message}
            </p>
          )}
        </div>
        {target && (
          <SendElsewhereDialog
            open
            onClose={() => setTarget(null)}
            busy={mutation.isPending}
            fieldError={fieldError ?? (mutation.error && !fieldError ? mutation.error.message : undefined)}
            localDate={target.localDate}
            current={s.address}
            onSubmit={(addressId) =>
              mutation.mutate(
                { kind: "send_elsewhere", cycleIndex: target.cycleIndex, addressId },
                {
                  onSuccess: () => {
                    setMessage(`The delivery of ${formatLocalDay(target.localDate)} goes to the other address.`);
                    setTarget(null);
                  },
                },
              )
            }
          />
        )}
      </>
    ),
  };
}
