import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { getSaveOffer } from "@/server/subscriptions/get-save-offer";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

/** The cancel dialog asks for the offer of the reason the customer picked. */
export const GET = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const { reason } = parseQuery(req, subscriptionRoutes.saveOffer.query);
  return reply(subscriptionRoutes.saveOffer.response, {
    offer: await getSaveOffer(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), reason, new Date()),
  });
});
