import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { acceptSaveOffer } from "@/server/subscriptions/accept-save-offer";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const input = await parseJson(req, subscriptionRoutes.acceptOffer.body);
  return reply(
    subscriptionRoutes.acceptOffer.response,
    await acceptSaveOffer(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), input, new Date()),
  );
});
