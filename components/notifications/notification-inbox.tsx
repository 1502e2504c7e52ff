"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { notificationKeys, notificationsQuery } from "@/components/subscriptions/queries";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { fetchJson } from "@/components/ui/fetch-json";
import { formatDateTime } from "@/components/ui/format";
import type { ResponseOf } from "@/server/http/route-contract";
import type { notificationRoutes } from "@/server/notifications/notification-routes.schema";

type Inbox = ResponseOf<typeof notificationRoutes.list>;

/** Marks read optimistically: the dot and the badge update before the server answers. */
function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | "all") =>
      fetchJson(id === "all" ? "/api/v1/notifications/read-all" : `/api/v1/notifications/${encodeURIComponent(id)}/read`, {
        method: "POST",
        body: {},
      }),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: notificationKeys.all });
      const previous = client.getQueryData<Inbox>(notificationKeys.all);
      if (previous) {
        const readAt = new Date().toISOString();
        const notifications = previous.notifications.map((n) => (id === "all" || n.id === id ? { ...n, readAt: n.readAt ?? readAt } : n));
        client.setQueryData<Inbox>(notificationKeys.all, { notifications, unread: notifications.filter((n) => !n.readAt).length });
      }
      return { previous };
    },
    onError: (_e, _id, context) => {
      if (context?.previous) client.setQueryData(notificationKeys.all, context.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function NotificationInbox() {
  const { data, isPending, isError, error } = useQuery(notificationsQuery());
  const markRead = useMarkRead();
  if (isPending)
    return (
      <p role="status" className="text-sm text-slate-500">
        Loading notifications…
      </p>
    );
  if (isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        {error.message}
      </p>
    );
  if (data.notifications.length === 0)
    return <EmptyState title="You're all caught up">Reminders and updates about your subscriptions appear here.</EmptyState>;
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <p className="text-sm text-slate-600" aria-live="polite">
          {data.unread === 0 ? "No unread notifications" : `${data.unread} unread`}
        </p>
        <Button variant="ghost" onClick={() => markRead.mutate("all")} disabled={data.unread === 0}>
          Mark all as read
        </Button>
      </div>
      <ul aria-label="Notifications" className="divide-y divide-slate-100">
        {data.notifications.map((n) => (
          <li key={n.id} data-unread={!n.readAt} className={`flex items-start gap-3 px-5 py-4 ${n.readAt ? "" : "bg-brand-50/50"}`}>
            <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`} />
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium text-slate-900">
                {n.title}
                {!n.readAt && <span className="sr-only"> (unread)</span>}
              </p>
              <p className="text-sm text-slate-600">{n.body}</p>
              <p className="mt-1 text-xs text-slate-500">
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                {n.link && (
                  <>
                    {" "}
                    ·{" "}
                    <Link href={n.link} className="text-brand-700 underline" onClick={() => !n.readAt && markRead.mutate(n.id)}>
                      View
                    </Link>
                  </>
                )}
              </p>
            </div>
            {!n.readAt && (
              <Button variant="ghost" className="text-xs" onClick={() => markRead.mutate(n.id)} aria-label={`Mark “${n.title}” as read`}>
                Mark read
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
