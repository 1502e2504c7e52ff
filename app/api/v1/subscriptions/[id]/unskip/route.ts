import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { customerActorOf, parseOptionalJson } from "@/server/subscriptions/http-input";
import { unskipCycle } from "@/server/subscriptions/skip-cycle";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

/** Restores a skipped delivery (the earliest upcoming one unless `cycleIndex` is given). */
export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ req, actor, params }) => {
  const input = await parseOptionalJson(req, subscriptionRoutes.unskip.body);
  return reply(subscriptionRoutes.unskip.response, {
    subscription: await unskipCycle(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), input, new Date()),
  });
});
