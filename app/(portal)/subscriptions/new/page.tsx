import { SetupForm } from "@/components/subscriptions/setup-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { requirePageActor } from "@/server/auth/page-actor";
import { getCustomerZone } from "@/server/subscriptions/get-customer-zone";

export const metadata = { title: "New subscription — Replen" };

export default async function NewSubscriptionPage() {
  const actor = await requirePageActor("subscriptions:own");
  const { timeZone, today } = await getCustomerZone(getDb(), customerIdOf(actor), new Date());
  return (
    <>
      <PageHeader title="New subscription" description="Pick a product, how often, and when to start. You can change or pause it any time." />
      <SetupForm timeZone={timeZone} today={today} />
    </>
  );
}
