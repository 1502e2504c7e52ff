import { SubscriptionDetail } from "@/components/subscriptions/subscription-detail";
import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { requirePageActor } from "@/server/auth/page-actor";
import { getCustomerZone } from "@/server/subscriptions/get-customer-zone";

export const metadata = { title: "Subscription — Replen" };

export default async function SubscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("subscriptions:own");
  const [{ id }, { today }] = await Promise.all([params, getCustomerZone(getDb(), customerIdOf(actor), new Date())]);
  return (
    <>
      {/* The page needs scripts; cancelling must not (click-to-cancel), so it has a page of its own. */}
      <noscript>
        <p className="mb-4 text-sm">
          <a href={`/subscriptions/${id}/cancel`} className="text-red-700 underline">
            Cancel subscription
          </a>
        </p>
      </noscript>
      <SubscriptionDetail id={id} today={today} />
    </>
  );
}
