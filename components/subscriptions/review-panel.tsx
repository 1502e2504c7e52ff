"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { formatMoney } from "@/components/ui/format";
import type { ProductDto } from "@/server/subscriptions/subscription-dto.schema";
import type { SchedulePreviewInput } from "@/server/subscriptions/subscription.schema";
import { formatLocalDay, formatLocalTime, frequencyLabel } from "./format";
import { schedulePreviewQuery } from "./queries";

/**
 * Step 6: what will ship and when. The dates come from POST /api/v1/schedules/preview — the
 * server's engine — never from browser date math.
 */
export function ReviewPanel({
  product,
  quantity,
  input,
  hint,
  onConfirm,
  confirming,
  formError,
}: {
  product: ProductDto | null;
  quantity: number;
  /** Null while the schedule inputs are incomplete or invalid. */
  input: SchedulePreviewInput | null;
  hint: string;
  onConfirm: () => void;
  confirming: boolean;
  formError: string | null;
}) {
  const preview = useQuery({
    ...schedulePreviewQuery(input ?? ({} as SchedulePreviewInput)),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  const occurrences = input ? (preview.data?.occurrences ?? []) : [];
  const perDelivery = product && Number.isFinite(quantity) ? product.priceMinor * quantity : null;

  return (
    <section aria-labelledby="review-heading" className="self-start rounded-lg border border-slate-200 bg-white p-5 shadow-sm lg:sticky lg:top-6">
      <h2 id="review-heading" className="text-base font-semibold">
        7. Review
      </h2>
      {product ? (
        <p className="mt-2 text-sm text-slate-700">
          <span className="font-medium text-slate-900">{product.name}</span> × {Number.isFinite(quantity) ? quantity : "–"}
          {perDelivery !== null && (
            <>
              {" "}
              · <span className="font-medium">{formatMoney(perDelivery, product.currency)}</span> per delivery
            </>
          )}
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-500">Choose a product to see what ships.</p>
      )}
      {input && (
        <p className="mt-1 text-xs text-slate-500">
          {frequencyLabel(input.frequency)} at {formatLocalTime(input.localTime)} ({input.timeZone})
        </p>
      )}

      <h3 className="mt-4 text-sm font-medium text-slate-800">Next deliveries</h3>
      {!input ? (
        <p className="mt-2 text-sm text-slate-500">{hint}</p>
      ) : preview.isPending ? (
        <p className="mt-2 text-sm text-slate-500" role="status">
          Calculating dates…
        </p>
      ) : preview.isError ? (
        <p className="mt-2 text-sm text-red-600" role="alert">
          {preview.error.message}
        </p>
      ) : (
        <ol aria-label="Upcoming deliveries" aria-busy={preview.isFetching} className="mt-2 divide-y divide-slate-100">
          {occurrences.map((o) => (
            <li key={o.index} data-local-date={o.localDate} className="flex flex-col py-2 text-sm">
              <span className="whitespace-nowrap font-medium text-slate-900">{formatLocalDay(o.localDate)}</span>
              {product && perDelivery !== null && (
                <span className="text-xs text-slate-600">
                  {product.name} × {quantity} · {formatMoney(perDelivery, product.currency)}
                </span>
              )}
            </li>
          ))}
          {occurrences.length === 0 && <li className="py-2 text-sm text-slate-500">No deliveries in this range.</li>}
        </ol>
      )}

      {formError && (
        <p role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-700">
          {formError}
        </p>
      )}
      <Button type="button" className="mt-5 w-full" onClick={onConfirm} disabled={confirming || !product || !input}>
        {confirming ? "Confirming…" : "Confirm subscription"}
      </Button>
      <p className="mt-2 text-center text-xs text-slate-500">Your first order is created as soon as you confirm.</p>
    </section>
  );
}
