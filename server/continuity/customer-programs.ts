import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { customers, products, programEnrollments, programs, subscriptions } from "@/db/schema";
import { toLocalDate } from "@/server/schedule";
import { AppError, notFound } from "../errors/app-error";
import { getProgramOrThrow, loadProgramOrThrow } from "./load-program";
import { assignVersion, plannedShipmentCount, initialSubscriberState } from "./model";
import { previewProgram, type PreviewRow } from "./preview-program";

export interface PublicProgram {
  id: string;
  name: string;
  description: string;
  type: string;
  priceMinor: number;
  currency: string;
}

/** Programs customers can join: active ones. */
export async function listActivePrograms(db: DbOrTx): Promise<PublicProgram[]> {
  const rows = await db
    .select({
      id: programs.id,
      name: programs.name,
      description: programs.description,
      draft: programs.draft,
      priceMinor: products.priceMinor,
      currency: products.currency,
    })
    .from(programs)
    .innerJoin(products, eq(products.id, programs.parentProductId))
    .where(eq(programs.status, "active"))
    .orderBy(programs.name);
  return rows.map(({ draft, ...r }) => ({ ...r, type: draft.type }));
}

/**
 * One program as this customer would get it if they joined today: their version (the same
 * deterministic assignment join uses), the next shipments, and their live enrollment if any.
 */
export async function getProgramForCustomer(
  db: DbOrTx,
  customerId: string,
  programId: string,
  now: Date,
  count = 12,
): Promise<{
  program: PublicProgram;
  joinDate: string;
  versionId: string;
  plannedShipments: number | null;
  preview: PreviewRow[];
  enrolledSubscriptionId: string | null;
}> {
  const row = await getProgramOrThrow(db, programId);
  if (row.status !== "active" || row.currentRevision === null) throw notFound("Program");
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) throw new AppError("FORBIDDEN", "This account has no customer profile");
  const program = await loadProgramOrThrow(db, programId, row.currentRevision);
  const joinDate = toLocalDate(now, customer.timeZone);
  const versionId = assignVersion(program, { id: customerId, attributes: { tier: customer.tier, region: customer.region ?? undefined } });
  const [parent] = await db.select().from(products).where(eq(products.id, row.parentProductId));
  const [enrolled] = await db
    .select({ id: subscriptions.id })
    .from(programEnrollments)
    .innerJoin(subscriptions, eq(subscriptions.id, programEnrollments.subscriptionId))
    .where(
      and(
        eq(programEnrollments.customerId, customerId),
        eq(programEnrollments.programId, programId),
        inArray(subscriptions.status, ["active", "paused"]),
      ),
    );
  return {
    program: {
      id: row.id,
      name: row.name,
      description: row.description,
      type: program.type,
      priceMinor: parent!.priceMinor,
      currency: parent!.currency,
    },
    joinDate,
    versionId,
    plannedShipments: plannedShipmentCount(program, initialSubscriberState(program, { versionId, joinedOn: joinDate })),
    preview: await previewProgram(db, program, { joinDate, count, versionId }),
    enrolledSubscriptionId: enrolled?.id ?? null,
  };
}

export interface MyEnrollment {
  subscriptionId: string;
  programId: string;
  programName: string;
  status: string;
  joinedOn: string;
  shipmentsProcessed: number;
}

export async function listMyEnrollments(db: DbOrTx, customerId: string): Promise<MyEnrollment[]> {
  const rows = await db
    .select({
      subscriptionId: programEnrollments.subscriptionId,
      programId: programEnrollments.programId,
      programName: programs.name,
      status: subscriptions.status,
      joinedOn: programEnrollments.joinedOn,
      state: programEnrollments.state,
    })
    .from(programEnrollments)
    .innerJoin(subscriptions, eq(subscriptions.id, programEnrollments.subscriptionId))
    .innerJoin(programs, eq(programs.id, programEnrollments.programId))
    .where(eq(programEnrollments.customerId, customerId))
    .orderBy(desc(programEnrollments.createdAt));
  return rows.map(({ state, ...r }) => ({ ...r, shipmentsProcessed: state.shipmentsProcessed }));
}
