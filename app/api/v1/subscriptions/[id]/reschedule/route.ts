import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { rescheduleNext } from "@/server/subscriptions/reschedule-next";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

/** Moves the next delivery to another date (that delivery only). */
export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const input = await parseJson(req, subscriptionRoutes.reschedule.body);
  return reply(subscriptionRoutes.reschedule.response, {
    subscription: await rescheduleNext(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), input, new Date()),
  });
});
