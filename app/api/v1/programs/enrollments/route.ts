import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { listMyEnrollments } from "@/server/continuity/customer-programs";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";

export const GET = withAuth("subscriptions:own", async ({ actor }) =>
  reply(programRoutes.enrollments.response, { enrollments: await listMyEnrollments(getDb(), customerIdOf(actor)) }),
);
