/** Contracts of the in-app notification API (app/api/v1/notifications). */
import { z } from "zod";
import { defineRoute, uuidPath } from "../http/route-contract";
import { notificationDto } from "../subscriptions/subscription-dto.schema";

const tag = "Notifications";

export const notificationRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/v1/notifications",
    summary: "Your in-app notifications and unread count",
    tag,
    response: z.object({ notifications: z.array(notificationDto), unread: z.number().int() }),
    errors: [401, 403],
  }),
  markRead: defineRoute({
    method: "POST",
    path: "/api/v1/notifications/{id}/read",
    summary: "Mark a notification read",
    tag,
    params: { id: uuidPath },
    response: z.object({ ok: z.literal(true) }),
    errors: [401, 403, 404],
  }),
  markAllRead: defineRoute({
    method: "POST",
    path: "/api/v1/notifications/read-all",
    summary: "Mark all notifications read",
    tag,
    response: z.object({ marked: z.number().int() }),
    errors: [401, 403],
  }),
};
