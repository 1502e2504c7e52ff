import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { customerActorOf, parseOptionalJson } from "@/server/subscriptions/http-input";
import { pauseSubscription } from "@/server/subscriptions/pause-subscription";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const input = await parseOptionalJson(req, subscriptionRoutes.pause.body);
  return reply(subscriptionRoutes.pause.response, {
    subscription: await pauseSubscription(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), input, new Date()),
  });
});
