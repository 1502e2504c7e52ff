import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { markAllNotificationsRead } from "@/server/notifications/notification-inbox";

export const POST = withAuth("subscriptions:own", async ({ actor }) =>
  markAllNotificationsRead(getDb(), customerActorOf(actor).customerId, new Date()),
);
