"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { portalApi, programKeys } from "../api";

/**
 * Shown on a subscription's page: when it is a program subscription, a link to its program
 * timeline (items per shipment, opt-outs). Renders nothing for ordinary subscriptions (the
 * enrollment lookup answers 404 for them).
 */
export function ProgramSubscriptionLink({ subscriptionId }: { subscriptionId: string }) {
  const { data } = useQuery({ queryKey: programKeys.timeline(subscriptionId), queryFn: () => portalApi.timeline(subscriptionId), retry: false });
  if (!data) return null;
  return (
    <p className="rounded border border-violet-200 bg-violet-50 px-3 py-2 text-sm">
      Part of the <strong>{data.programName}</strong> program —{" "}
      <Link className="text-brand-700 underline" href={`/my-programs/enrollments/${subscriptionId}`}>
        see each shipment&apos;s item and opt out of single shipments
      </Link>
      .
    </p>
  );
}
