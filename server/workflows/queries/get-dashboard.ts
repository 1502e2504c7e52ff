import "server-only";
import type { DbOrTx } from "@/db/client";
import { intakeMetrics } from "@/server/intake/intake-metrics";
import { actionStats, ordersByState, throughputPerHour, timeInState } from "./dashboard-metrics";
import { inFlightByVersion } from "./in-flight-by-version";
import { overSla } from "./over-sla";
import { reviewQueueSummary } from "./review-queue";

/** The monitoring dashboard in one payload (GET /api/v1/admin/dashboard). */
export async function getDashboard(db: DbOrTx, now: Date) {
  const [byState, throughput, times, actions, reviewQueue, versions, intake, sla] = await Promise.all([
    ordersByState(db),
    throughputPerHour(db, now),
    timeInState(db, now),
    actionStats(db, now),
    reviewQueueSummary(db, now),
    inFlightByVersion(db),
    intakeMetrics(db, { now }),
    overSla(db, now),
  ]);
  return {
    generatedAt: now.toISOString(),
    ordersByState: byState,
    throughputPerHour: throughput,
    timeInState: times,
    actions,
    reviewQueue,
    overSla: sla,
    inFlightByVersion: versions.map((v) => ({
      workflow: v.workflow,
      workflowId: v.workflowId,
      version: v.version,
      versionId: v.versionId,
      count: v.count,
    })),
    deadLetters: { total: intake.total, byChannel: intake.byChannel },
    intake: { perChannel: intake.perChannel, since: intake.since },
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
