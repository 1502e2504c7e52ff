import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { markAllNotificationsRead } from "@/server/subscriptions/notifications";

export const POST = withAuth("subscriptions:own", async ({ actor }) =>
  markAllNotificationsRead(getDb(), customerActorOf(actor).customerId, new Date()));
