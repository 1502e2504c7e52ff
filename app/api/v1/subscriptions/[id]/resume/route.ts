import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { resumeSubscription } from "@/server/subscriptions/resume-subscription";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) =>
  reply(subscriptionRoutes.resume.response, {
    subscription: await resumeSubscription(getDb(), customerActorOf(actor), uuidParam(params.id, "Subscription"), new Date()),
  }),
);
