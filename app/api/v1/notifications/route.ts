import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { listNotifications } from "@/server/notifications/notification-inbox";
import { reply } from "@/server/http/reply";
import { notificationRoutes } from "@/server/notifications/notification-routes.schema";

export const GET = withAuth("subscriptions:own", async ({ actor }) =>
  reply(notificationRoutes.list.response, await listNotifications(getDb(), customerActorOf(actor).customerId)),
);
