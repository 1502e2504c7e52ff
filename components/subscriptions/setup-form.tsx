"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ApiError, fetchJson } from "@/components/ui/fetch-json";
import { EmptyState } from "@/components/ui/card";
import type { Frequency } from "@/server/schedule/frequencies";
import type { ResponseOf } from "@/server/http/route-contract";
import type { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";
import { schedulePreviewSchema, type SchedulePreviewInput } from "@/server/subscriptions/subscription.schema";
import { addressListQuery } from "@/components/addresses/queries";
import { AddressSelect } from "./address-dialogs";
import { EndConditionFields, type EndState } from "./end-condition-fields";
import { FrequencyPills } from "./frequency-pills";
import { ProductPicker } from "./product-picker";
import { QuantityStepper } from "./quantity-stepper";
import { productsQuery, subscriptionKeys } from "./queries";
import { ReviewPanel } from "./review-panel";
import { SuggestionHint } from "./suggestion-hint";

type Errors = Record<string, string>;

function endOf(end: EndState) {
  if (end.kind === "after_cycles") return { kind: end.kind, cycles: end.cycles };
  if (end.kind === "on_date") return { kind: end.kind, endDate: end.endDate };
  return { kind: end.kind };
}

/** The whole setup flow as steps on one page; the review panel updates as you choose. */
export function SetupForm({ timeZone, today }: { timeZone: string; today: string }) {
  const router = useRouter();
  const client = useQueryClient();
  const products = useQuery(productsQuery());
  const [productId, setProductId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [frequency, setFrequency] = useState<Frequency | null>("monthly");
  const [frequencyTouched, setFrequencyTouched] = useState(false);
  const [startDate, setStartDate] = useState(today);
  const [end, setEnd] = useState<EndState>({ kind: "until_cancelled", cycles: 6, endDate: "" });
  const [pickedAddress, setPickedAddress] = useState<string | null>(null);
  const addresses = useQuery(addressListQuery());
  // Until the customer picks one, the default address (what the server would fall back to).
  const addressId = pickedAddress ?? addresses.data?.find((a) => a.isDefault)?.id ?? addresses.data?.[0]?.id ?? null;
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  // Client-side check of the schedule part with the API's own schema: instant field errors.
  const schedule = useMemo(() => {
    const parsed = schedulePreviewSchema.safeParse({ frequency, startDate, timeZone, localTime: "09:00", end: endOf(end), count: 6 });
    if (parsed.success) return { input: parsed.data as SchedulePreviewInput, errors: {} as Errors };
    const errors: Errors = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= issue.message;
    return { input: null, errors };
  }, [frequency, startDate, timeZone, end]);
  const pastStart = startDate !== "" && startDate < today ? "Start date can't be in the past" : undefined;
  const errors: Errors = { ...schedule.errors, ...serverErrors, ...(pastStart ? { startDate: pastStart } : {}) };
  const product = products.data?.find((p) => p.id === productId) ?? null;

  const create = useMutation({
    mutationFn: () =>
      fetchJson<ResponseOf<typeof subscriptionRoutes.create>>("/api/v1/subscriptions", {
        method: "POST",
        body: { productId, quantity, frequency, startDate, localTime: "09:00", timeZone, end: endOf(end), addressId: addressId ?? undefined },
      }),
    onSuccess: async ({ subscription }) => {
      await client.invalidateQueries({ queryKey: subscriptionKeys.all });
      router.push(`/subscriptions/${subscription.id}`);
    },
    onError: (e) => {
      setServerErrors(e instanceof ApiError && e.fields ? e.fields : {});
      setFormError(e instanceof ApiError && e.fields ? "Please correct the highlighted fields." : e.message);
    },
  });

  const clear = (field: string) => setServerErrors(({ [field]: _removed, ...rest }) => rest);
  const confirm = () => {
    setFormError(null);
    if (!productId) return setServerErrors((e) => ({ ...e, productId: "Choose a product" }));
    create.mutate();
  };

  if (products.isPending)
    return (
      <p role="status" className="text-sm text-slate-500">
        Loading products…
      </p>
    );
  if (products.isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        {products.error.message}
      </p>
    );
  if (products.data.length === 0) return <EmptyState title="Nothing to subscribe to yet">Check back soon.</EmptyState>;

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <form
        className="flex flex-col gap-8"
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
        noValidate
        aria-label="New subscription"
      >
        <ProductPicker
          products={products.data}
          value={productId}
          error={errors.productId}
          onChange={(id) => {
            setProductId(id);
            clear("productId");
          }}
        />
        <div>
          <h2 className="mb-3 text-sm font-semibold text-slate-800">2. How many per delivery?</h2>
          <QuantityStepper
            value={quantity}
            error={errors.quantity}
            onChange={(n) => {
              setQuantity(n);
              clear("quantity");
            }}
          />
        </div>
        <div>
          <FrequencyPills
            legend="3. How often?"
            value={frequency}
            error={errors.frequency}
            onChange={(f) => {
              setFrequency(f);
              setFrequencyTouched(true);
              clear("frequency");
            }}
          />
          {productId && <SuggestionHint productId={productId} current={frequency} autoApply={!frequencyTouched} onApply={setFrequency} />}
        </div>
        <div className="flex flex-col gap-1">
          <h2 className="mb-2 text-sm font-semibold text-slate-800">4. When should it start?</h2>
          <label htmlFor="start-date" className="text-sm font-medium text-slate-700">
            First delivery
          </label>
          <input
            id="start-date"
            type="date"
            min={today}
            value={startDate}
            onChange={(e) => {
              setStartDate(e.target.value);
              clear("startDate");
            }}
            aria-invalid={Boolean(errors.startDate)}
            aria-describedby={errors.startDate ? "start-date-error" : "start-date-hint"}
            className="w-48 rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500"
          />
          {errors.startDate ? (
            <p id="start-date-error" role="alert" className="text-xs text-red-600">
              {errors.startDate}
            </p>
          ) : (
            <p id="start-date-hint" className="text-xs text-slate-500">
              Orders are created at 9:00 AM {timeZone} time.
            </p>
          )}
        </div>
        <EndConditionFields
          value={end}
          minDate={startDate || today}
          onChange={(v) => {
            setEnd(v);
            clear("end.cycles");
            clear("end.endDate");
          }}
          errors={{ kind: errors.end, cycles: errors["end.cycles"], endDate: errors["end.endDate"] }}
        />
        <div>
          <h2 className="mb-3 text-sm font-semibold text-slate-800">6. Where should it ship?</h2>
          <AddressSelect
            label="Ship to"
            value={addressId}
            error={errors.addressId}
            hint="Every delivery goes here; you can send any one delivery elsewhere later."
            onChange={(id) => {
              setPickedAddress(id);
              clear("addressId");
            }}
          />
        </div>
      </form>
      <ReviewPanel
        product={product}
        quantity={quantity}
        input={pastStart ? null : schedule.input}
        hint={Object.values(errors)[0] ?? "Choose a start date to see your deliveries."}
        onConfirm={confirm}
        confirming={create.isPending || create.isSuccess}
        formError={formError}
      />
    </div>
  );
}
