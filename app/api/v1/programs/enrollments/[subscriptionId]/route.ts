import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { getEnrollmentTimeline } from "@/server/continuity/enrollment-timeline";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/** The customer's timeline of one program subscription: shipped, opted out, upcoming. */
export const GET = withAuth<{ subscriptionId: string }>("subscriptions:own", async ({ actor, params }) =>
  reply(
    programRoutes.timeline.response,
    await getEnrollmentTimeline(getDb(), uuidParam(params.subscriptionId, "Enrollment"), customerIdOf(actor), new Date()),
  ),
);
