import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { cancelEnrollment } from "@/server/continuity/settle-enrollment";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/** Cancels the program subscription and settles a prepaid plan (refund rows). */
export const POST = withAuth<{ subscriptionId: string }>("subscriptions:own", async ({ actor, params }) =>
  reply(programRoutes.cancel.response, {
    settlement: await cancelEnrollment(
      getDb(),
      { userId: actor.userId, customerId: customerIdOf(actor) },
      uuidParam(params.subscriptionId, "Enrollment"),
      new Date(),
    ),
  }),
);
