import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { createSubscription } from "@/server/subscriptions/create-subscription";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { listSubscriptions } from "@/server/subscriptions/list-subscriptions";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

export const GET = withAuth("subscriptions:own", async ({ actor }) =>
  reply(subscriptionRoutes.list.response, { subscriptions: await listSubscriptions(getDb(), customerActorOf(actor).customerId) }),
);

/** Creates and confirms a subscription; its first order is created at once. */
export const POST = withAuth("subscriptions:own", async ({ req, actor }) => {
  const input = await parseJson(req, subscriptionRoutes.create.body);
  const created = await createSubscription(getDb(), customerActorOf(actor), input, new Date());
  return reply(subscriptionRoutes.create.response, created, { status: 201 });
});
