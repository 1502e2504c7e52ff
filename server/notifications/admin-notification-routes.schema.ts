/** Contracts of the staff in-app notification API (app/api/v1/admin/notifications): the header bell. */
import { z } from "zod";
import { defineRoute, uuidPath } from "../http/route-contract";

const tag = "Notifications (admin)";

export const adminNotificationDto = z.object({
  id: z.string(),
  /** e.g. sla_breach, channel_health */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** An in-app path to open (e.g. /orders/{id}). */
  link: z.string().nullable(),
  readAt: z.string().meta({ format: "date-time" }).nullable(),
  createdAt: z.string().meta({ format: "date-time" }),
});

export type AdminNotificationDto = z.infer<typeof adminNotificationDto>;

export const adminNotificationRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/v1/admin/notifications",
    summary: "The signed-in staff user's in-app notifications (newest 30) and unread count",
    tag,
    response: z.object({ notifications: z.array(adminNotificationDto), unread: z.number().int() }),
    errors: [401, 403],
  }),
  markRead: defineRoute({
    method: "POST",
    path: "/api/v1/admin/notifications/{id}/read",
    summary: "Mark one of your notifications read (404 for another user's)",
    tag,
    params: { id: uuidPath },
    response: z.object({ ok: z.literal(true) }),
    errors: [401, 403, 404],
  }),
};
