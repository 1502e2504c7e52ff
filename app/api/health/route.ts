import { getDb } from "@/db/client";
import { healthReport } from "@/server/health/health-report";
import { intakeHealth } from "@/server/intake/intake-health";
import { reply } from "@/server/http/reply";
import { healthRoutes } from "@/server/health/health-routes.schema";

export const dynamic = "force-dynamic";

/** Public liveness/readiness probe for load balancers: 200 when ok, 503 otherwise. */
export async function GET() {
  const db = getDb();
  // Intake counts must not turn a reachable database into "down" (e.g. before migrations ran).
  const report = await healthReport(db, async () => ({
    intake: await intakeHealth(db, { now: new Date() }).catch(() => ({ error: "unavailable" })),
  }));
  return reply(healthRoutes.health.response, report, { status: report.status === "down" ? 503 : 200 });
}
