import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { addAddon } from "@/server/subscriptions/add-addon";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

/** Adds a product to the next delivery only. */
export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const input = await parseJson(req, subscriptionRoutes.addAddon.body);
  return reply(subscriptionRoutes.addAddon.response, {
    subscription: await addAddon(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), input, new Date()),
  });
});
