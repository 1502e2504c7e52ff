import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { addAddress } from "@/server/customers/add-address";
import { addressRoutes } from "@/server/customers/address-routes.schema";
import { listAddresses } from "@/server/customers/list-addresses";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";

export const GET = withAuth("subscriptions:own", async ({ actor }) =>
  reply(addressRoutes.list.response, { addresses: await listAddresses(getDb(), customerIdOf(actor)) }),
);

/** Adds an address to the book; the first one becomes the default. */
export const POST = withAuth("subscriptions:own", async ({ req, actor }) => {
  const input = await parseJson(req, addressRoutes.create.body);
  const address = await addAddress(getDb(), { userId: actor.userId, customerId: customerIdOf(actor) }, input, new Date());
  return reply(addressRoutes.create.response, { address }, { status: 201 });
});
