"use client";

import { useQuery } from "@tanstack/react-query";
import { notificationsQuery } from "@/components/subscriptions/queries";

/** The unread count next to "Notifications" in the nav (same query as the inbox, so they agree). */
export function UnreadBadge() {
  const { data } = useQuery(notificationsQuery());
  if (!data || data.unread === 0) return null;
  return (
    <span
      data-testid="unread-badge"
      className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-brand-700 px-1.5 text-xs font-medium text-white"
    >
      {data.unread}
      <span className="sr-only"> unread</span>
    </span>
  );
}
