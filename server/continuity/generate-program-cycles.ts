import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { programFlags, programShipments } from "@/db/schema";
import { zonedInstant } from "@/server/schedule";
import { advanceCursors, auditSubscriptions, type SubscriptionAuditEntry } from "@/server/subscriptions/transition";
import { planGeneration, type GenerationPlan } from "./forecast";
import { insertChildOrders, type ChildOrderToCreate } from "./insert-child-orders";
import { recordLedger, type LedgerEntry } from "./ledger";
import { loadEnrollments, loadOptOuts, lockProgramSubscriptions, type EnrollmentRow } from "./load-enrollments";
import { loadPrograms, loadProducts, productIdsOf, programKey } from "./load-program";
import { chargeAt, generationDate, settlementOnOptOut, type Program } from "./model";

export interface ProgramGenerationOutcome {
  orders: Array<{ orderId: string; subscriptionId: string; cycleIndex: number }>;
  /** Occasions passed without an order (opted out or missed). */
  skipped: number;
  completed: number;
  backordered: number;
  /** Subscriptions stopped at a phantom with no substitute (flagged, retried later). */
  blocked: number;
}

/** A blocked occasion is retried this long after; fixing the calendar lets it through then. */
const BLOCKED_RETRY_MS = 60 * 60_000;

/**
 * Generation for program subscriptions the caller has LOCKED in `tx`: every occasion due at
 * `now` becomes a child order whose line is the event's item with the substitution applied
 * (or an opt-out / missed record), the SubscriberState advances, charges and credits follow
 * the billing plan, and the subscription's cursor and next run (the next occasion's delivery
 * date minus the program's lead days) move — all in the caller's transaction. Series end or
 * max child orders → subscription completed. Idempotent: orders are unique per (subscription,
 * cycle) and every state write is guarded by the state it was planned from.
 */
export async function generateProgramCycles(tx: Transaction, subscriptionIds: readonly string[], now: Date): Promise<ProgramGenerationOutcome> {
  const out: ProgramGenerationOutcome = { orders: [], skipped: 0, completed: 0, backordered: 0, blocked: 0 };
  const enrollments = (await loadEnrollments(tx, subscriptionIds)).filter((e) => e.status === "active");
  if (enrollments.length === 0) return out;
  const programs = await loadPrograms(tx, enrollments);
  const optOuts = await loadOptOuts(
    tx,
    enrollments.map((e) => e.subscriptionId),
  );
  const { isPhantom } = await loadProducts(tx, [...programs.values()].flatMap(productIdsOf));

  const orders: ChildOrderToCreate[] = [];
  const ledger: LedgerEntry[] = [];
  const planned: Array<{ enrollment: EnrollmentRow; program: Program; plan: GenerationPlan }> = [];
  for (const enrollment of enrollments) {
    const program = programs.get(programKey(enrollment.programId, enrollment.revision));
    if (!program) throw new Error(`enrollment ${enrollment.subscriptionId} follows a missing revision`);
    const plan = planGeneration(program, enrollment.state, enrollment, {
      now,
      optOuts: optOuts.get(enrollment.subscriptionId) ?? new Set(),
      isPhantom,
    });
    planned.push({ enrollment, program, plan });
    for (const o of plan.occasions) {
      const outcome = o.outcome === "shipped" ? "shipped" : "opted_out";
      const charge = chargeAt(enrollment.billingPlan, o.shipmentIndex, outcome);
      if (charge > 0)
        ledger.push({
          subscriptionId: enrollment.subscriptionId,
          key: `charge:${o.shipmentIndex}`,
          kind: "charge",
          shipmentIndex: o.shipmentIndex,
          amountMinor: charge,
          reason: `Shipment ${o.shipmentIndex + 1} (${enrollment.billingPlan.schedule})`,
        });
      if (o.outcome === "shipped") {
        orders.push({
          subscriptionId: enrollment.subscriptionId,
          customerId: enrollment.customerId,
          quantity: enrollment.quantity,
          addressId: enrollment.addressId,
          cycleIndex: o.shipmentIndex,
          productId: o.shipsProductId,
          scheduledFor: zonedInstant(o.date, enrollment.localTime, enrollment.timeZone),
          meta: {
            programId: program.id,
            revision: enrollment.revision,
            versionId: enrollment.versionId,
            eventNumber: o.eventNumber,
            seriesProductId: o.productId,
            substituted: o.substituted,
            deliveryDate: o.date,
          },
        });
      } else {
        out.skipped++;
        const credit = settlementOnOptOut(program, enrollment.billingPlan).creditMinor;
        if (credit > 0)
          ledger.push({
            subscriptionId: enrollment.subscriptionId,
            key: `credit:${o.shipmentIndex}`,
            kind: "credit",
            shipmentIndex: o.shipmentIndex,
            amountMinor: credit,
            reason: `Event ${o.eventNumber} ${o.outcome === "missed" ? "missed" : "opted out"}: the period's item is gone`,
          });
      }
    }
  }

  const created = await insertChildOrders(tx, orders, now);
  const orderBy = new Map(created.map((c) => [`${c.subscriptionId}:${c.cycleIndex}`, c.orderId]));
  const shipmentRows = planned.flatMap(({ enrollment, plan }) =>
    plan.occasions.map((o) => ({
      subscriptionId: enrollment.subscriptionId,
      shipmentIndex: o.shipmentIndex,
      outcome: o.outcome,
      deliveryDate: o.date,
      eventNumber: o.eventNumber,
      seriesProductId: o.productId,
      revision: enrollment.revision,
      shippedProductId: o.outcome === "shipped" ? o.shipsProductId : null,
      substituted: o.outcome === "shipped" ? o.substituted : false,
      orderId: orderBy.get(`${enrollment.subscriptionId}:${o.shipmentIndex}`) ?? null,
    })),
  );
  if (shipmentRows.length > 0) await tx.insert(programShipments).values(shipmentRows).onConflictDoNothing();
  await recordLedger(tx, ledger);

  // Every cursor in one guarded statement (server/subscriptions/transition); the rows are locked
  // by this transaction, so a mismatch means someone bypassed the lock.
  const moved = await advanceCursors(
    tx,
    planned.map(({ enrollment: e, plan }) => ({
      subscriptionId: e.subscriptionId,
      fromIndex: e.nextCycleIndex,
      toIndex: plan.state.shipmentsProcessed,
      nextRunAt: plan.blocked ? new Date(now.getTime() + BLOCKED_RETRY_MS) : (plan.next?.runAt ?? null),
      status: plan.completed ? "completed" : "active",
    })),
    now,
  );
  if (moved !== planned.length) throw new Error(`advanced ${moved} of ${planned.length} locked program subscriptions`);
  const audits: SubscriptionAuditEntry[] = [];
  for (const { enrollment, program, plan } of planned) {
    audits.push(...(await persistPlan(tx, enrollment, program, plan, now)));
    if (plan.completed) out.completed++;
    if (plan.blocked) out.blocked++;
  }
  await auditSubscriptions(tx, { type: "system", id: "generation" }, audits);
  out.orders = created.map(({ orderId, subscriptionId, cycleIndex }) => ({ orderId, subscriptionId, cycleIndex }));
  out.backordered = created.filter((c) => c.backordered).length;
  return out;
}

/** Locks the given program subscriptions (active ones) and generates what is due. */
export async function generateProgramSubscriptions(tx: Transaction, ids: readonly string[], now: Date): Promise<ProgramGenerationOutcome> {
  return generateProgramCycles(tx, await lockProgramSubscriptions(tx, [...new Set(ids)]), now);
}

/** The enrollment's SubscriberState, the blocked flag, and the plan's audit rows (returned). */
async function persistPlan(tx: Transaction, e: EnrollmentRow, program: Program, plan: GenerationPlan, now: Date): Promise<SubscriptionAuditEntry[]> {
  const from = e.state.shipmentsProcessed;
  const advanced = await tx.execute(sql`
    UPDATE program_enrollments SET state = ${JSON.stringify(plan.state)}::jsonb, updated_at = ${now.toISOString()}::timestamptz
    WHERE subscription_id = ${e.subscriptionId} AND (state->>'shipmentsProcessed')::int = ${from}
    RETURNING subscription_id`);
  // The row is locked by this transaction: a mismatch means someone bypassed the lock.
  if (advanced.length !== 1) throw new Error(`program subscription ${e.subscriptionId} changed under its lock`);

  const audits: SubscriptionAuditEntry[] = plan.occasions
    .filter((o) => o.outcome !== "shipped")
    .map((o) => ({
      subscriptionId: e.subscriptionId,
      at: now,
      action: o.outcome === "missed" ? "program_shipment_missed" : "program_shipment_opted_out",
      data: { shipmentIndex: o.shipmentIndex, eventNumber: o.eventNumber, deliveryDate: o.date },
    }));
  if (plan.completed) {
    audits.push({
      subscriptionId: e.subscriptionId,
      action: "completed",
      at: now,
      fromState: "active",
      toState: "completed",
      data: { reason: "series_end", childOrders: plan.state.childOrdersCreated },
    });
  }
  if (plan.blocked) {
    audits.push({
      subscriptionId: e.subscriptionId,
      action: "program_generation_blocked",
      at: now,
      data: { shipmentIndex: plan.blocked.shipmentIndex, phantomProductId: plan.blocked.phantomProductId, deliveryDate: plan.blocked.date },
    });
    await tx
      .insert(programFlags)
      .values({
        programId: program.id,
        phantomProductId: plan.blocked.phantomProductId,
        shipDate: plan.blocked.date,
        flagDate: generationDate(plan.blocked.date, program.leadDays),
      })
      .onConflictDoUpdate({
        target: [programFlags.programId, programFlags.phantomProductId, programFlags.shipDate],
        set: { status: "open", resolvedAt: null },
      });
  }
  return audits;
}
