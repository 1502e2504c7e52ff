"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { fetchJson } from "@/components/ui/fetch-json";
import { formatDateTime } from "@/components/ui/format";
import type { ResponseOf } from "@/server/http/route-contract";
import type { adminNotificationRoutes } from "@/server/notifications/admin-notification-routes.schema";

type Inbox = ResponseOf<typeof adminNotificationRoutes.list>;

export const adminNotificationsQuery = () =>
  queryOptions({
    queryKey: ["admin-notifications"] as const,
    queryFn: ({ signal }) => fetchJson<Inbox>("/api/v1/admin/notifications", { signal }),
    // SLA and channel alerts arrive from background jobs: poll, gently.
    refetchInterval: 30_000,
  });

/** The staff header's bell: unread count, and a popover inbox whose items mark themselves read when opened. */
export function AdminBell() {
  const qc = useQueryClient();
  const { data } = useQuery(adminNotificationsQuery());
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const markRead = useMutation({
    mutationFn: (id: string) =>
      fetchJson<ResponseOf<typeof adminNotificationRoutes.markRead>>(`/api/v1/admin/notifications/${id}/read`, { method: "POST" }),
    onSettled: () => qc.invalidateQueries({ queryKey: adminNotificationsQuery().queryKey }),
  });

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => wrap.current && !wrap.current.contains(e.target as Node) && setOpen(false);
    window.addEventListener("keydown", onKey);
    window.addEventListener("mousedown", onClick);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const unread = data?.unread ?? 0;
  return (
    <div ref={wrap} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Notifications${unread > 0 ? `, ${unread} unread` : ""}`}
        data-testid="admin-bell"
        onClick={() => setOpen((o) => !o)}
        className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinejoin="round" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
        </svg>
        {unread > 0 && (
          <span
            data-testid="admin-bell-count"
            className="absolute -right-1 -top-1 inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1 text-[11px] font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label="Notifications"
          data-testid="admin-inbox"
          className="absolute right-0 z-50 mt-2 w-96 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          <p className="border-b border-slate-100 px-3 py-2 text-sm font-semibold text-slate-900">
            Notifications {unread > 0 && <span className="font-normal text-slate-600">· {unread} unread</span>}
          </p>
          {!data || data.notifications.length === 0 ? (
            <p className="px-3 py-4 text-sm text-slate-600">Nothing yet. SLA breaches and store health alerts appear here.</p>
          ) : (
            <ul className="max-h-96 overflow-y-auto">
              {data.notifications.map((n) => (
                <li
                  key={n.id}
                  className={`border-b border-slate-100 px-3 py-2 text-sm ${n.readAt ? "" : "bg-blue-50"}`}
                  data-testid="admin-notification"
                >
                  <div className="flex items-start gap-2">
                    {!n.readAt && <span aria-hidden className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-blue-600" />}
                    <div className="min-w-0 flex-1">
                      {n.link ? (
                        <Link
                          href={n.link}
                          className="font-medium text-slate-900 hover:underline"
                          onClick={() => {
                            if (!n.readAt) markRead.mutate(n.id);
                            setOpen(false);
                          }}
                        >
                          {n.title}
                        </Link>
                      ) : (
                        <span className="font-medium text-slate-900">{n.title}</span>
                      )}
                      <p className="text-xs text-slate-600">{formatDateTime(n.createdAt)}</p>
                    </div>
                    {!n.readAt && (
                      <button
                        type="button"
                        onClick={() => markRead.mutate(n.id)}
                        className="shrink-0 rounded px-1.5 text-xs text-blue-700 hover:underline"
                        aria-label={`Mark "${n.title}" read`}
                      >
                        Mark read
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
