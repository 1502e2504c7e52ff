import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { changeSubscriptionAddress } from "@/server/subscriptions/change-subscription-address";
import { deliveryAddressRoutes } from "@/server/subscriptions/delivery-address-routes.schema";
import { customerActorOf } from "@/server/subscriptions/http-input";

/** This and all future deliveries ship to another of the customer's addresses. */
export const PUT = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const id = uuidParam(params.id, "Subscription");
  const input = await parseJson(req, deliveryAddressRoutes.change.body);
  return reply(deliveryAddressRoutes.change.response, {
    subscription: await changeSubscriptionAddress(getDb(), customerActorOf(actor), id, input, new Date()),
  });
});
