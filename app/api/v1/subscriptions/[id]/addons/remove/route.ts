import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { removeAddon } from "@/server/subscriptions/remove-addon";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

/** Removes a one-time add-on before its delivery is generated. */
export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const input = await parseJson(req, subscriptionRoutes.removeAddon.body);
  return reply(subscriptionRoutes.removeAddon.response, {
    subscription: await removeAddon(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), input, new Date()),
  });
});
