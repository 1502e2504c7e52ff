import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { requirePageActor } from "@/server/auth/page-actor";
import { AppError } from "@/server/errors/app-error";
import { getSubscriptionOrThrow } from "@/server/subscriptions/list-subscriptions";
import { cancelReasonOptions } from "@/server/subscriptions/model";
import { canPerform } from "@/server/subscriptions/subscription-status";
import { cancelFromForm } from "./actions";

export const metadata = { title: "Cancel subscription — Replen" };

/**
 * Cancel without JavaScript: a server-rendered form (the portal's dialog does the same with
 * save offers). Two clicks from the subscription page, and the reason stays optional.
 */
export default async function CancelPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requirePageActor("subscriptions:own");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const found = await getSubscriptionOrThrow(getDb(), customerIdOf(actor), id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  });
  const back = (
    <p className="mt-4 text-sm">
      <Link href={found ? `/subscriptions/${id}` : "/subscriptions"} className="text-brand-700 underline">
        {found ? "Back to the subscription" : "Back to your subscriptions"}
      </Link>
    </p>
  );
  if (!found) {
    return (
      <div role="alert">
        <PageHeader title="Subscription not found" />
        {back}
      </div>
    );
  }
  const s = found.dto;
  if (query.done || !canPerform(s.status, "cancel")) {
    return (
      <div>
        <PageHeader title={s.status === "cancelled" ? "Subscription cancelled" : `This subscription is ${s.status}`} />
        <p role="status" className="text-sm text-slate-700">
          {s.status === "cancelled"
            ? `Your subscription to ${s.product.name} is cancelled. No further orders will be created. A confirmation email is on its way.`
            : "It can't be cancelled."}
        </p>
        {back}
      </div>
    );
  }
  return (
    <div className="max-w-lg">
      <PageHeader title={`Cancel ${s.product.name}?`} description="No more orders will be created. Orders already placed are not affected." />
      {query.error && (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {query.error}
        </p>
      )}
      <form action={cancelFromForm.bind(null, id)} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6">
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-700">Why are you cancelling? (optional)</legend>
          {cancelReasonOptions().map((o) => (
            <label key={o.value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="reason" value={o.value} className="accent-brand-600" />
              {o.label}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor="cancel-note" className="text-sm font-medium text-slate-700">
            Anything else you&apos;d like to tell us? (optional)
          </label>
          <textarea id="cancel-note" name="note" rows={2} maxLength={500} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <div className="flex justify-end gap-2">
          <Link href={`/subscriptions/${id}`} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800">
            Keep subscription
          </Link>
          <button type="submit" className="rounded-md border border-red-300 bg-white px-3 py-2 text-sm font-medium text-red-700 hover:bg-red-50">
            Cancel subscription
          </button>
        </div>
      </form>
    </div>
  );
}
