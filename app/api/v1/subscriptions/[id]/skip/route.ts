import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { skipNext } from "@/server/subscriptions/skip-cycle";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

/** Skips the next delivery. */
export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) =>
  reply(subscriptionRoutes.skip.response, {
    subscription: await skipNext(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), new Date()),
  }),
);
