"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, fetchJson } from "@/components/ui/fetch-json";
import type { BodyOf, ResponseOf } from "@/server/http/route-contract";
import { FREQUENCIES, FREQUENCY_LABELS, type Frequency } from "@/server/schedule/frequencies";
import {
  CANCEL_REASON_LABELS,
  CANCEL_REASONS,
  MAX_DISCOUNT_ORDERS,
  MAX_DISCOUNT_PERCENT,
  MAX_PAUSE_MONTHS,
  type CancelReason,
  type SaveOfferKind,
  type SaveOfferTerms,
} from "@/server/subscriptions/model";
import type { saveOfferRoutes } from "@/server/subscriptions/save-offer-routes.schema";

type Offer = ResponseOf<typeof saveOfferRoutes.list>["offers"][number];
const key = ["admin", "save-offers"] as const;
const input = "rounded-md border border-slate-300 px-3 py-2 text-sm";
const KIND_LABELS: Record<SaveOfferKind, string> = {
  skip_next: "Skip the next delivery",
  pause: "Pause 1–3 months",
  change_frequency: "Change frequency",
  discount: "Percentage off the next orders",
};

/** The merchandiser's save offers, one form per cancel reason (swap product is not an offer kind: the customer swaps from the subscription page). */
export function SaveOfferEditor() {
  const list = useQuery({ queryKey: key, queryFn: () => fetchJson<ResponseOf<typeof saveOfferRoutes.list>>("/api/v1/admin/save-offers") });
  if (list.isPending) return <p role="status">Loading save offers…</p>;
  if (list.isError) return <p role="alert">{list.error.message}</p>;
  return (
    <div className="flex flex-col gap-4">
      {CANCEL_REASONS.map((reason) => (
        <ReasonForm key={reason} reason={reason} offer={list.data.offers.find((o) => o.reason === reason)} />
      ))}
    </div>
  );
}

function ReasonForm({ reason, offer }: { reason: CancelReason; offer?: Offer }) {
  const client = useQueryClient();
  const t = offer?.terms;
  const [kind, setKind] = useState<SaveOfferKind>(t?.kind ?? "skip_next");
  const [months, setMonths] = useState(t?.kind === "pause" ? t.pauseMonths : 1);
  const [frequency, setFrequency] = useState<Frequency>(t?.kind === "change_frequency" ? t.frequency : "quarterly");
  const [percent, setPercent] = useState(t?.kind === "discount" ? t.discountPercent : 15);
  const [orders, setOrders] = useState(t?.kind === "discount" ? t.discountOrders : 2);
  const [message, setMessage] = useState(offer?.message ?? "");
  const [active, setActive] = useState(offer?.active ?? true);
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof saveOfferRoutes.put>) =>
      fetchJson<ResponseOf<typeof saveOfferRoutes.put>>(`/api/v1/admin/save-offers/${reason}`, { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const terms = (): SaveOfferTerms =>
    kind === "pause"
      ? { kind, pauseMonths: months }
      : kind === "change_frequency"
        ? { kind, frequency }
        : kind === "discount"
          ? { kind, discountPercent: percent, discountOrders: orders }
          : { kind: "skip_next" };
  const id = `offer-${reason}`;
  const fields = save.error instanceof ApiError ? save.error.fields : undefined;
  return (
    <form
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ terms: terms(), message, active });
      }}
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {CANCEL_REASON_LABELS[reason]}
      </h2>
      <p className="text-xs text-slate-500">
        {offer
          ? `${offer.active ? "Offered" : "Switched off"} · accepted ${offer.acceptedCount} time${offer.acceptedCount === 1 ? "" : "s"}`
          : "No offer yet"}
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          <span id={`${id}-kind`}>Kind of offer</span>
          <select aria-labelledby={`${id}-kind`} className={input} value={kind} onChange={(e) => setKind(e.target.value as SaveOfferKind)}>
            {(Object.keys(KIND_LABELS) as SaveOfferKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {kind === "pause" && (
          <label className="flex flex-col gap-1 text-sm">
            Months
            <input
              className={input}
              type="number"
              min={1}
              max={MAX_PAUSE_MONTHS}
              value={months}
              onChange={(e) => setMonths(Number(e.target.value))}
            />
          </label>
        )}
        {kind === "change_frequency" && (
          <label className="flex flex-col gap-1 text-sm">
            <span id={`${id}-frequency`}>New frequency</span>
            <select
              aria-labelledby={`${id}-frequency`}
              className={input}
              value={frequency}
              onChange={(e) => setFrequency(e.target.value as Frequency)}
            >
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {FREQUENCY_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === "discount" && (
          <>
            <label className="flex flex-col gap-1 text-sm">
              Percentage off
              <input
                className={input}
                type="number"
                min={1}
                max={MAX_DISCOUNT_PERCENT}
                value={percent}
                onChange={(e) => setPercent(Number(e.target.value))}
              />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              For how many orders
              <input
                className={input}
                type="number"
                min={1}
                max={MAX_DISCOUNT_ORDERS}
                value={orders}
                onChange={(e) => setOrders(Number(e.target.value))}
              />
            </label>
          </>
        )}
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          Line customers see
          <input className={input} value={message} maxLength={200} onChange={(e) => setMessage(e.target.value)} />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} className="accent-brand-600" />
          Offer it
        </label>
      </div>
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          Save offer
        </Button>
        <span aria-live="polite" className="text-sm">
          {save.isSuccess && <span className="text-brand-700">Saved.</span>}
          {save.error && (
            <span role="alert" className="text-red-700">
              {fields ? Object.values(fields).join(" ") : save.error.message}
            </span>
          )}
        </span>
      </div>
    </form>
  );
}
