import Link from "next/link";
import { SubscriptionList } from "@/components/subscriptions/subscription-list";
import { PageHeader } from "@/components/ui/card";

export default function SubscriptionsPage() {
  return (
    <>
      <PageHeader
        title="Your subscriptions"
        actions={
          <Link href="/subscriptions/new" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
            New subscription
          </Link>
        }
      />
      <SubscriptionList />
      <p className="mt-8 text-xs text-slate-500">
        Prefer to automate? Use the{" "}
        <Link href="/api-tokens" className="underline">
          REST API
        </Link>{" "}
        (
        <a href="/api/v1/openapi.json" className="underline">
          OpenAPI
        </a>
        ).
      </p>
    </>
  );
}
