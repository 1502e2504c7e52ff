import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { markAllNotificationsRead } from "@/server/notifications/notification-inbox";
import { reply } from "@/server/http/reply";
import { notificationRoutes } from "@/server/notifications/notification-routes.schema";

export const POST = withAuth("subscriptions:own", async ({ actor }) =>
  reply(notificationRoutes.markAllRead.response, await markAllNotificationsRead(getDb(), customerActorOf(actor).customerId, new Date())),
);
