import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { listAdminNotifications } from "@/server/notifications/admin-notification-inbox";
import { adminNotificationRoutes } from "@/server/notifications/admin-notification-routes.schema";

// dashboard:read is what every staff page needs (app/(admin)/layout.tsx): the bell is in that header.
export const GET = withAuth("dashboard:read", async ({ actor }) =>
  reply(adminNotificationRoutes.list.response, await listAdminNotifications(getDb(), actor.userId)),
);
