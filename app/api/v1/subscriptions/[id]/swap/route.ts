import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";
import { swapProduct } from "@/server/subscriptions/swap-product";

/** Swaps the product from the next delivery on, or for one delivery only. */
export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const input = await parseJson(req, subscriptionRoutes.swap.body);
  return reply(subscriptionRoutes.swap.response, {
    subscription: await swapProduct(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), input, new Date()),
  });
});
