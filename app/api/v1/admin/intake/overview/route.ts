import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { intakeMetrics } from "@/server/intake/intake-metrics";
import { intakeOverview } from "@/server/intake/intake-overview";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";

export const dynamic = "force-dynamic";

/** Counts per channel and status, dead letters by reason, settings and metrics for /intake. */
export const GET = withAuth("intake:manage", async () => {
  const db = getDb();
  return reply(intakeAdminRoutes.overview.response, { ...(await intakeOverview(db)), metrics: await intakeMetrics(db, { now: new Date() }) });
});
