import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Transaction } from "@/db/client";
import { programEnrollments, programOptOuts, subscriptions } from "@/db/schema";
import type { Frequency } from "@/server/schedule";
import type { SubscriptionStatus } from "@/server/subscriptions/subscription-status";
import { uuidList } from "./uuid-list";
import type { BillingPlan, SubscriberState } from "./model";

export interface EnrollmentRow {
  subscriptionId: string;
  programId: string;
  customerId: string;
  revision: number;
  versionId: string;
  joinedOn: string;
  state: SubscriberState;
  billingPlan: BillingPlan;
  settledAt: Date | null;
  status: SubscriptionStatus;
  quantity: number;
  addressId: string | null;
  nextCycleIndex: number;
  frequency: Frequency;
  localTime: string;
  timeZone: string;
  createdAt: Date;
}

const columns = {
  subscriptionId: programEnrollments.subscriptionId,
  programId: programEnrollments.programId,
  customerId: programEnrollments.customerId,
  revision: programEnrollments.revision,
  versionId: programEnrollments.versionId,
  joinedOn: programEnrollments.joinedOn,
  state: programEnrollments.state,
  billingPlan: programEnrollments.billingPlan,
  settledAt: programEnrollments.settledAt,
  status: subscriptions.status,
  quantity: subscriptions.quantity,
  addressId: subscriptions.addressId,
  nextCycleIndex: subscriptions.nextCycleIndex,
  frequency: subscriptions.frequency,
  localTime: subscriptions.localTime,
  timeZone: subscriptions.timeZone,
  createdAt: programEnrollments.createdAt,
};

export async function loadEnrollments(db: DbOrTx, subscriptionIds: readonly string[]): Promise<EnrollmentRow[]> {
  if (subscriptionIds.length === 0) return [];
  return db
    .select(columns)
    .from(programEnrollments)
    .innerJoin(subscriptions, eq(subscriptions.id, programEnrollments.subscriptionId))
    .where(inArray(programEnrollments.subscriptionId, [...subscriptionIds]));
}

/** One enrollment; with `customerId`, only if it is that customer's (else null, like unknown). */
export async function loadEnrollment(db: DbOrTx, subscriptionId: string, customerId?: string): Promise<EnrollmentRow | null> {
  const [row] = await db
    .select(columns)
    .from(programEnrollments)
    .innerJoin(subscriptions, eq(subscriptions.id, programEnrollments.subscriptionId))
    .where(and(eq(programEnrollments.subscriptionId, subscriptionId), customerId ? eq(programEnrollments.customerId, customerId) : undefined));
  return row ?? null;
}

/** Locks program subscriptions in id order (no deadlocks between lockers); returns the locked ids. */
export async function lockProgramSubscriptions(
  tx: Transaction,
  ids: readonly string[],
  statuses: readonly SubscriptionStatus[] = ["active"],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.execute<{ id: string }>(sql`
    SELECT s.id FROM subscriptions s JOIN program_enrollments e ON e.subscription_id = s.id
    WHERE s.id = ANY(${uuidList(ids)}::uuid[]) AND s.status::text = ANY(${`{${statuses.join(",")}}`}::text[])
    ORDER BY s.id FOR UPDATE OF s`);
  return rows.map((r) => r.id);
}

export async function loadOptOuts(db: DbOrTx, subscriptionIds: readonly string[]): Promise<Map<string, Set<number>>> {
  const byId = new Map<string, Set<number>>();
  if (subscriptionIds.length === 0) return byId;
  const rows = await db
    .select()
    .from(programOptOuts)
    .where(inArray(programOptOuts.subscriptionId, [...subscriptionIds]));
  for (const r of rows) {
    const set = byId.get(r.subscriptionId) ?? new Set<number>();
    set.add(r.shipmentIndex);
    byId.set(r.subscriptionId, set);
  }
  return byId;
}
