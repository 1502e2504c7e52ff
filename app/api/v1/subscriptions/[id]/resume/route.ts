import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { resumeSubscription } from "@/server/subscriptions/resume-subscription";

export const POST = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) => ({
  subscription: await resumeSubscription(getDb(), customerActorOf(actor), params.id, new Date()),
}));
