import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { programOptOuts, subscriptions } from "@/db/schema";
import { conflict, invalid, notFound } from "../errors/app-error";
import { auditSubscription } from "@/server/subscriptions/transition";
import { forecastShipments } from "./forecast";
import { loadEnrollment, loadOptOuts } from "./load-enrollments";
import { loadProducts, loadProgramOrThrow, productIdsOf } from "./load-program";
import { isUuid } from "@/server/subscriptions/subscription.schema";

export type OptChoice = "opt_out" | "opt_in";

/**
 * Opts the customer out of ONE scheduled shipment (or back in). Allowed only for an upcoming
 * occasion whose order hasn't been generated — i.e. before its processing lead (delivery
 * date − lead days); after that the order exists and the answer is a conflict. The row lock
 * on the subscription serializes this with generation, so the lead check can't race it.
 */
export async function setShipmentOptOut(
  db: Database,
  actor: { userId: string; customerId: string },
  subscriptionId: string,
  shipmentIndex: number,
  choice: OptChoice,
  now: Date,
): Promise<void> {
  if (!isUuid(subscriptionId)) throw notFound("Program subscription");
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.customerId, actor.customerId)))
      .for("update");
    const e = locked ? await loadEnrollment(tx, subscriptionId, actor.customerId) : null;
    if (!e) throw notFound("Program subscription");
    if (e.status !== "active") throw conflict(`A ${e.status} subscription has no upcoming shipments to change`);
    const program = await loadProgramOrThrow(tx, e.programId, e.revision);
    const optOuts = (await loadOptOuts(tx, [subscriptionId])).get(subscriptionId) ?? new Set<number>();
    const { isPhantom } = await loadProducts(tx, productIdsOf(program));
    const ahead = shipmentIndex - e.state.shipmentsProcessed;
    if (!Number.isSafeInteger(shipmentIndex) || ahead < 0) throw conflict("This shipment has already been processed");
    const row = forecastShipments(program, e.state, e, { count: ahead + 1, optOuts, isPhantom })[ahead];
    if (!row) throw invalid({ shipmentIndex: "There is no such upcoming shipment" });
    if (row.generationAt.getTime() <= now.getTime()) {
      throw conflict(`Changes to this shipment closed on ${row.generationDate}: its order is being prepared`);
    }
    if (choice === "opt_out") {
      const inserted = await tx
        .insert(programOptOuts)
        .values({ subscriptionId, shipmentIndex, createdAt: now })
        .onConflictDoNothing()
        .returning({ i: programOptOuts.shipmentIndex });
      if (inserted.length === 0) throw conflict("You already opted out of this shipment");
    } else {
      const deleted = await tx
        .delete(programOptOuts)
        .where(and(eq(programOptOuts.subscriptionId, subscriptionId), eq(programOptOuts.shipmentIndex, shipmentIndex)))
        .returning({ i: programOptOuts.shipmentIndex });
      if (deleted.length === 0) throw conflict("You are not opted out of this shipment");
    }
    await auditSubscription(tx, {
      subscriptionId,
      at: now,
      action: choice === "opt_out" ? "program_opted_out" : "program_opted_in",
      actor: { type: "user", userId: actor.userId },
      data: { shipmentIndex, eventNumber: row.eventNumber, deliveryDate: row.date, closesOn: row.generationDate },
    });
  });
}
