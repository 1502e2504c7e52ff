import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { suggestFrequencyFor } from "@/server/subscriptions/suggest-frequency-for";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

/** A frequency guessed from the customer's past one-off orders of a product. */
export const GET = withAuth("subscriptions:own", async ({ req, actor }) => {
  const { productId } = parseQuery(req, subscriptionRoutes.suggestFrequency.query);
  return reply(subscriptionRoutes.suggestFrequency.response, await suggestFrequencyFor(getDb(), customerActorOf(actor).customerId, productId));
});
