import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { addressRoutes } from "@/server/customers/address-routes.schema";
import { deleteAddress } from "@/server/customers/delete-address";
import { updateAddress } from "@/server/customers/update-address";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

export const PATCH = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const id = uuidParam(params.id, "Address");
  const input = await parseJson(req, addressRoutes.update.body);
  const address = await updateAddress(getDb(), { userId: actor.userId, customerId: customerIdOf(actor) }, id, input, new Date());
  return reply(addressRoutes.update.response, { address });
});

/** Refused with 409 (naming the subscriptions) while anything upcoming ships there. */
export const DELETE = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) =>
  reply(
    addressRoutes.remove.response,
    await deleteAddress(getDb(), { userId: actor.userId, customerId: customerIdOf(actor) }, uuidParam(params.id, "Address"), new Date()),
  ),
);
