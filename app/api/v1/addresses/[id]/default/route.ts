import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { addressRoutes } from "@/server/customers/address-routes.schema";
import { setDefaultAddress } from "@/server/customers/set-default-address";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) => {
  const address = await setDefaultAddress(
    getDb(),
    { userId: actor.userId, customerId: customerIdOf(actor) },
    uuidParam(params.id, "Address"),
    new Date(),
  );
  return reply(addressRoutes.setDefault.response, { address });
});
