import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { markAdminNotificationRead } from "@/server/notifications/admin-notification-inbox";
import { adminNotificationRoutes } from "@/server/notifications/admin-notification-routes.schema";

export const POST = withAuth<{ id: string }>("dashboard:read", async ({ actor, params }) => {
  await markAdminNotificationRead(getDb(), actor.userId, uuidParam(params.id, "Notification"), new Date());
  return reply(adminNotificationRoutes.markRead.response, { ok: true });
});
