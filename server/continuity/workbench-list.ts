import "server-only";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { customers, programEnrollments, subscriptions } from "@/db/schema";
import { getProgramOrThrow } from "./load-program";
import type { WorkbenchFilter } from "./workbench.schema";

export interface WorkbenchRow {
  subscriptionId: string;
  customerEmail: string;
  customerName: string;
  status: string;
  revision: number;
  versionId: string;
  joinedOn: string;
  shipmentsProcessed: number;
  childOrders: number;
}

/** A program's subscriptions matching the workbench filters, oldest joiners first. */
export async function listWorkbenchSubscriptions(db: DbOrTx, programId: string, filter: WorkbenchFilter) {
  const program = await getProgramOrThrow(db, programId);
  const rows = await db
    .select({
      subscriptionId: programEnrollments.subscriptionId,
      customerEmail: customers.email,
      customerName: customers.name,
      status: subscriptions.status,
      revision: programEnrollments.revision,
      versionId: programEnrollments.versionId,
      joinedOn: programEnrollments.joinedOn,
      state: programEnrollments.state,
    })
    .from(programEnrollments)
    .innerJoin(subscriptions, eq(subscriptions.id, programEnrollments.subscriptionId))
    .innerJoin(customers, eq(customers.id, programEnrollments.customerId))
    .where(
      and(
        eq(programEnrollments.programId, programId),
        filter.versionId ? eq(programEnrollments.versionId, filter.versionId) : undefined,
        filter.status ? eq(subscriptions.status, filter.status) : undefined,
        filter.revision ? eq(programEnrollments.revision, filter.revision) : undefined,
        filter.joinedAfter ? gte(programEnrollments.joinedOn, filter.joinedAfter) : undefined,
        filter.joinedBefore ? lte(programEnrollments.joinedOn, filter.joinedBefore) : undefined,
      ),
    )
    .orderBy(asc(programEnrollments.joinedOn), asc(programEnrollments.subscriptionId))
    .limit(5000);
  const list: WorkbenchRow[] = rows.map(({ state, ...r }) => ({
    ...r,
    shipmentsProcessed: state.shipmentsProcessed,
    childOrders: state.childOrdersCreated,
  }));
  return { currentRevision: program.currentRevision, rows: list };
}
