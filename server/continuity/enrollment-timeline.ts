import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orders, programShipments, programs } from "@/db/schema";
import { isUuid } from "@/server/subscriptions/subscription.schema";
import { notFound } from "../errors/app-error";
import { forecastShipments } from "./forecast";
import { ledgerTotals, type LedgerTotals } from "./ledger";
import { loadEnrollment, loadOptOuts } from "./load-enrollments";
import { loadProducts, loadProgramOrThrow, productIdsOf } from "./load-program";
import type { BillingPlan } from "./model";

export interface TimelineEntry {
  shipmentIndex: number;
  date: string;
  eventNumber: number | null;
  itemName: string;
  shipsName: string | null;
  substituted: boolean;
  status: "shipped" | "opted_out" | "missed" | "scheduled" | "skipping" | "missing_substitute";
  orderId: string | null;
  orderNumber: number | null;
  /** Upcoming only: the last local date the customer may opt out / back in. */
  changeableUntil: string | null;
  canChange: boolean;
}

export interface EnrollmentTimeline {
  subscriptionId: string;
  programId: string;
  programName: string;
  status: string;
  revision: number;
  versionId: string;
  joinedOn: string;
  billing: BillingPlan;
  ledger: LedgerTotals;
  entries: TimelineEntry[];
}

/**
 * Past occasions (from program_shipments, with their child orders) then the next `upcoming`
 * forecast from the stored state and opt-outs — the customer's (or staff's) view of one
 * enrollment. With `customerId`, only that customer's enrollment is visible.
 */
export async function getEnrollmentTimeline(
  db: DbOrTx,
  subscriptionId: string,
  customerId: string | null,
  now: Date,
  upcoming = 12,
): Promise<EnrollmentTimeline> {
  if (!isUuid(subscriptionId)) throw notFound("Program subscription");
  const e = await loadEnrollment(db, subscriptionId, customerId ?? undefined);
  if (!e) throw notFound("Program subscription");
  const program = await loadProgramOrThrow(db, e.programId, e.revision);
  const [{ name } = { name: "" }] = await db.select({ name: programs.name }).from(programs).where(eq(programs.id, e.programId));
  const past = await db
    .select({ s: programShipments, orderNumber: orders.number })
    .from(programShipments)
    .leftJoin(orders, eq(orders.id, programShipments.orderId))
    .where(eq(programShipments.subscriptionId, subscriptionId))
    .orderBy(asc(programShipments.shipmentIndex));
  const optOuts = (await loadOptOuts(db, [subscriptionId])).get(subscriptionId) ?? new Set<number>();
  const live = e.status === "active" || e.status === "paused";
  const ids = [...productIdsOf(program), ...past.flatMap((p) => [p.s.seriesProductId, p.s.shippedProductId].filter((x): x is string => !!x))];
  const { byId, isPhantom } = await loadProducts(db, ids);
  const nameOf = (id: string | null) => (id ? (byId.get(id)?.name ?? "Unknown product") : null);

  const entries: TimelineEntry[] = past.map(({ s, orderNumber }) => ({
    shipmentIndex: s.shipmentIndex,
    date: s.deliveryDate,
    eventNumber: s.eventNumber,
    itemName: nameOf(s.seriesProductId) ?? "—",
    shipsName: nameOf(s.shippedProductId),
    substituted: s.substituted,
    status: s.outcome,
    orderId: s.orderId,
    orderNumber,
    changeableUntil: null,
    canChange: false,
  }));
  if (live) {
    for (const r of forecastShipments(program, e.state, e, { count: upcoming, optOuts, isPhantom })) {
      const open = r.generationAt.getTime() > now.getTime();
      entries.push({
        shipmentIndex: r.shipmentIndex,
        date: r.date,
        eventNumber: r.eventNumber,
        itemName: nameOf(r.productId) ?? "—",
        shipsName: nameOf(r.shipsProductId),
        substituted: r.substituted,
        status: r.optedOut ? "skipping" : r.shipsProductId === null ? "missing_substitute" : "scheduled",
        orderId: null,
        orderNumber: null,
        changeableUntil: open ? r.generationDate : null,
        canChange: open && e.status === "active",
      });
    }
  }
  return {
    subscriptionId,
    programId: e.programId,
    programName: name,
    status: e.status,
    revision: e.revision,
    versionId: e.versionId,
    joinedOn: e.joinedOn,
    billing: e.billingPlan,
    ledger: await ledgerTotals(db, subscriptionId),
    entries,
  };
}
