import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { changeSubscription } from "@/server/subscriptions/change-subscription";
import { getSubscriptionDetail } from "@/server/subscriptions/get-subscription-detail";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

type Params = { id: string };

/** The subscription with its next 6 deliveries, orders and activity. */
export const GET = withAuth<Params>("subscriptions:own", async ({ actor, params }) =>
  reply(
    subscriptionRoutes.detail.response,
    await getSubscriptionDetail(getDb(), customerActorOf(actor).customerId, uuidParam(params.id, "Subscription"), new Date()),
  ),
);

/** Change frequency and/or quantity, effective from the next order. */
export const PATCH = withAuth<Params>("subscriptions:own", async ({ req, actor, params }) => {
  const input = await parseJson(req, subscriptionRoutes.change.body);
  return reply(subscriptionRoutes.change.response, {
    subscription: await changeSubscription(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), input, new Date()),
  });
});
