import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { programEnrollments, subscriptions } from "@/db/schema";
import { retentionByVersion, type VersionRetention } from "./model";
import type { SubscriptionStatus } from "@/server/subscriptions/subscription-status";

export interface RetentionReport {
  ks: number[];
  versions: Array<{ versionId: string; subscribers: number; byK: Record<number, VersionRetention> }>;
}

/**
 * Retention per series version after k = 1..maxK shipments (model's retentionByVersion):
 * which version of an A/B split keeps subscribers. Shipments received = child orders created.
 */
export async function retentionReport(db: DbOrTx, programId: string, maxK = 6): Promise<RetentionReport> {
  const rows = await db
    .select({
      versionId: programEnrollments.versionId,
      status: subscriptions.status,
      shipmentsReceived: sql<number>`(${programEnrollments.state}->>'childOrdersCreated')::int`,
    })
    .from(programEnrollments)
    .innerJoin(subscriptions, eq(subscriptions.id, programEnrollments.subscriptionId))
    .where(eq(programEnrollments.programId, programId));
  const outcomes = rows.map((r) => ({ versionId: r.versionId, status: r.status as SubscriptionStatus, shipmentsReceived: r.shipmentsReceived }));
  const ks = Array.from({ length: maxK }, (_, i) => i + 1);
  const perK = ks.map((k) => retentionByVersion(outcomes, k));
  const versionIds = [...new Set(outcomes.map((o) => o.versionId))].sort();
  return {
    ks,
    versions: versionIds.map((versionId) => ({
      versionId,
      subscribers: outcomes.filter((o) => o.versionId === versionId).length,
      byK: Object.fromEntries(ks.map((k, i) => [k, perK[i]![versionId]!])),
    })),
  };
}
