import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { cancelSubscription } from "@/server/subscriptions/cancel-subscription";
import { customerActorOf, parseOptionalJson } from "@/server/subscriptions/http-input";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

/** Cancels at once (click-to-cancel: the reason is optional): no order for this subscription is created after this returns. */
export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const input = await parseOptionalJson(req, subscriptionRoutes.cancel.body);
  return reply(subscriptionRoutes.cancel.response, {
    subscription: await cancelSubscription(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), input, new Date()),
  });
});
