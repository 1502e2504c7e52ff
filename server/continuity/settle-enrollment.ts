import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { programEnrollments, programShipments, subscriptions } from "@/db/schema";
import { isUuid } from "@/server/subscriptions/subscription.schema";
import { applyTransition, auditSubscription } from "@/server/subscriptions/transition";
import { conflict, notFound } from "../errors/app-error";
import type { ContinuityActor } from "./audit-program";
import { ledgerTotals, recordLedger } from "./ledger";
import { settlementOnCancel } from "./model";

/**
 * Settles a cancelled enrollment once (settled_at guards it): the model's settlementOnCancel
 * over what was delivered, paid and credited, recorded as refund / write-off ledger rows with
 * an audit row. Per-shipment plans settle to nothing but are still marked settled.
 */
export async function settleEnrollment(tx: Transaction, subscriptionId: string, actor: ContinuityActor, now: Date) {
  const [e] = await tx
    .update(programEnrollments)
    .set({ settledAt: now, updatedAt: now })
    .where(and(eq(programEnrollments.subscriptionId, subscriptionId), isNull(programEnrollments.settledAt)))
    .returning({ plan: programEnrollments.billingPlan });
  if (!e) return null;
  const [{ delivered } = { delivered: 0 }] = await tx
    .select({ delivered: sql<number>`count(*)::int` })
    .from(programShipments)
    .where(and(eq(programShipments.subscriptionId, subscriptionId), eq(programShipments.outcome, "shipped")));
  const totals = await ledgerTotals(tx, subscriptionId);
  const plan = e.plan;
  const shipped = plan.shipmentCount === null ? delivered : Math.min(delivered, plan.shipmentCount);
  const settlement = settlementOnCancel(plan, shipped, totals.charged - totals.refunded, totals.credited);
  await recordLedger(tx, [
    ...(settlement.refundMinor > 0
      ? [
          {
            subscriptionId,
            key: "refund:cancel",
            kind: "refund" as const,
            shipmentIndex: null,
            amountMinor: settlement.refundMinor,
            reason: "Cancelled: unshipped share of the prepaid series",
          },
        ]
      : []),
    ...(settlement.writtenOffMinor > 0
      ? [
          {
            subscriptionId,
            key: "write_off:cancel",
            kind: "write_off" as const,
            shipmentIndex: null,
            amountMinor: settlement.writtenOffMinor,
            reason: "Cancelled: delivered value not yet paid, not collected",
          },
        ]
      : []),
  ]);
  await auditSubscription(tx, {
    subscriptionId,
    at: now,
    action: "program_settled",
    actor,
    data: { schedule: plan.schedule, delivered: shipped, paidMinor: totals.charged, creditedMinor: totals.credited, ...settlement },
  });
  return settlement;
}

/** Customer cancels a program subscription: guarded status change, audit, settlement — one transaction. */
export async function cancelEnrollment(db: Database, actor: { userId: string; customerId: string }, subscriptionId: string, now: Date) {
  if (!isUuid(subscriptionId)) throw notFound("Program subscription");
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ row: subscriptions })
      .from(subscriptions)
      .innerJoin(programEnrollments, eq(programEnrollments.subscriptionId, subscriptions.id))
      .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.customerId, actor.customerId)))
      .for("update", { of: subscriptions });
    if (!found) throw notFound("Program subscription");
    const { row } = found;
    if (row.status !== "active" && row.status !== "paused") throw conflict(`A ${row.status} subscription can't be cancelled`);
    const userActor = { type: "user" as const, userId: actor.userId };
    // Guarded by the locked row's status and cursor: active|paused → cancelled, audited `cancelled`.
    await applyTransition(tx, {
      row,
      action: "cancelled",
      actor: userActor,
      now,
      set: { status: "cancelled", cancelledAt: now, nextRunAt: null },
    });
    return settleEnrollment(tx, subscriptionId, userActor, now);
  });
}

/**
 * Settles enrollments cancelled elsewhere (e.g. from the subscription pages, which don't
 * know about programs). Run by the continuity cron; each one in its own transaction.
 */
export async function settleCancelledEnrollments(db: Database, now: Date, limit = 200): Promise<number> {
  const rows = await db
    .select({ id: programEnrollments.subscriptionId })
    .from(programEnrollments)
    .innerJoin(subscriptions, eq(subscriptions.id, programEnrollments.subscriptionId))
    .where(and(eq(subscriptions.status, "cancelled"), isNull(programEnrollments.settledAt)))
    .limit(limit);
  let settled = 0;
  for (const { id } of rows) {
    const result = await db.transaction((tx) => settleEnrollment(tx, id, { type: "system", id: "continuity" }, now));
    if (result) settled++;
  }
  return settled;
}
