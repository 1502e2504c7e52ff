import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { healthReport } from "@/server/health/health-report";

export const dynamic = "force-dynamic";

/** Public liveness/readiness probe for load balancers: 200 when ok, 503 otherwise. */
export async function GET() {
  const report = await healthReport(getDb());
  return NextResponse.json(report, { status: report.status === "down" ? 503 : 200 });
}
