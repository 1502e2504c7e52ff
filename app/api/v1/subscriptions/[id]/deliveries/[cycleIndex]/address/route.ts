import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { cycleIndexParam, uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { deliveryAddressRoutes } from "@/server/subscriptions/delivery-address-routes.schema";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { removeDeliveryAddress } from "@/server/subscriptions/remove-delivery-address";
import { setDeliveryAddress } from "@/server/subscriptions/set-delivery-address";

type Params = { id: string; cycleIndex: string };

/** This one delivery ships to another address (a gift). */
export const PUT = withAuth<Params>("subscriptions:own", async ({ req, actor, params }) => {
  const id = uuidParam(params.id, "Subscription");
  const cycleIndex = cycleIndexParam(params.cycleIndex);
  const input = await parseJson(req, deliveryAddressRoutes.setDelivery.body);
  return reply(deliveryAddressRoutes.setDelivery.response, {
    subscription: await setDeliveryAddress(getDb(), customerActorOf(actor), id, cycleIndex, input, new Date()),
  });
});

/** The delivery ships to the subscription's own address again. */
export const DELETE = withAuth<Params>("subscriptions:own", async ({ actor, params }) =>
  reply(deliveryAddressRoutes.removeDelivery.response, {
    subscription: await removeDeliveryAddress(
      getDb(),
      customerActorOf(actor),
      uuidParam(params.id, "Subscription"),
      cycleIndexParam(params.cycleIndex),
      new Date(),
    ),
  }),
);
