import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { listNotifications } from "@/server/notifications/notification-inbox";

export const GET = withAuth("subscriptions:own", async ({ actor }) => listNotifications(getDb(), customerActorOf(actor).customerId));
