import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { listSwapOptions } from "@/server/subscriptions/list-swap-options";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

export const GET = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) =>
  reply(
    subscriptionRoutes.swapOptions.response,
    await listSwapOptions(getDb(), customerActorOf(actor).customerId, uuidParam(params.id, "Subscription")),
  ),
);
