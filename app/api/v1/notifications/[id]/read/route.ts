import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { markNotificationRead } from "@/server/notifications/notification-inbox";
import { reply } from "@/server/http/reply";
import { notificationRoutes } from "@/server/notifications/notification-routes.schema";

export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) => {
  await markNotificationRead(getDb(), customerActorOf(actor).customerId, uuidParam(params.id, "Notification"), new Date());
  return reply(notificationRoutes.markRead.response, { ok: true });
});
