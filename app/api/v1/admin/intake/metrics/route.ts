import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { intakeMetrics } from "@/server/intake/intake-metrics";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";

export const dynamic = "force-dynamic";

/** Intake metrics per channel (accepted, rejected, retried, by reason) over a window. */
export const GET = withAuth("intake:manage", async ({ req }) => {
  const { windowHours } = parseQuery(req, intakeAdminRoutes.metrics.query);
  return reply(intakeAdminRoutes.metrics.response, await intakeMetrics(getDb(), { now: new Date(), windowHours }));
});
