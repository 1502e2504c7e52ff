import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { addresses, customers, products, programEnrollments, programs, subscriptions } from "@/db/schema";
import { createNotification } from "@/server/notifications/create-notification";
import { auditSubscription } from "@/server/subscriptions/transition";
import { toLocalDate } from "@/server/schedule";
import { announceOrders } from "@/server/orders/announce-orders";
import { AppError, conflict, notFound } from "../errors/app-error";
import { forecastShipments } from "./forecast";
import { generateProgramSubscriptions } from "./generate-program-cycles";
import { recordLedger } from "./ledger";
import { loadProducts, loadProgramOrThrow, productIdsOf } from "./load-program";
import { assignVersion, billingPlan, initialSubscriberState, plannedShipmentCount, type Program } from "./model";

export type JoinActor = { userId: string; customerId: string };

/**
 * Subscribes a customer to an active program, joining today (their local date): a parent
 * subscription on the program's product, an enrollment on the current revision with the
 * version the assignment rules give this customer (deterministic), the billing plan, the
 * signup charge of a prepaid plan, and — in the same transaction — every child order already
 * due (the first shipment, and more when the lead is longer than the period).
 */
export async function joinProgram(db: Database, actor: JoinActor, programId: string, now: Date) {
  const { subscriptionId, orders } = await db.transaction(async (tx) => {
    const { program, parent, customer } = await loadJoinContext(tx, actor.customerId, programId);
    const joinedOn = toLocalDate(now, customer.timeZone);
    const versionId = assignVersion(program, { id: customer.id, attributes: { tier: customer.tier, region: customer.region ?? undefined } });
    const state = initialSubscriberState(program, { versionId, joinedOn });
    const plan = billingPlan(program, parent.priceMinor, plannedShipmentCount(program, state));
    const frequency = program.period ?? "monthly";
    const clock = { frequency, localTime: "09:00", timeZone: customer.timeZone };
    const { isPhantom } = await loadProducts(tx, productIdsOf(program));
    const first = forecastShipments(program, state, clock, { count: 1, isPhantom })[0];
    if (!first) throw conflict("This program has no shipments left to join");

    const [address] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(eq(addresses.customerId, customer.id))
      .orderBy(desc(addresses.isDefault))
      .limit(1);
    const [sub] = await tx
      .insert(subscriptions)
      .values({
        customerId: customer.id,
        productId: parent.id,
        addressId: address?.id ?? null,
        quantity: 1,
        frequency,
        anchorDate: joinedOn,
        anchorIndex: 0,
        localTime: clock.localTime,
        timeZone: customer.timeZone,
        status: "active",
        nextCycleIndex: 0,
        nextRunAt: first.generationAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: subscriptions.id });
    if (!sub) throw new Error("insert returned no row");
    await tx.insert(programEnrollments).values({
      subscriptionId: sub.id,
      programId,
      customerId: customer.id,
      revision: parent.revision,
      versionId,
      joinedOn,
      state,
      billingPlan: plan,
    });
    // A prepaid plan's signup charge (upfront, or the first installment) is taken now.
    await recordLedger(
      tx,
      plan.charges
        .filter((c) => c.shipmentIndex === 0 && plan.schedule !== "per_shipment")
        .map((c) => ({
          subscriptionId: sub.id,
          key: `charge:${c.shipmentIndex}`,
          kind: "charge" as const,
          shipmentIndex: 0,
          amountMinor: c.amountMinor,
          reason: plan.schedule === "upfront" ? "Whole series, paid at signup" : "First installment, paid at signup",
        })),
      parent.currency,
    );
    await auditSubscription(tx, {
      subscriptionId: sub.id,
      at: now,
      action: "created",
      actor: { type: "user", userId: actor.userId },
      toState: "active",
      data: {
        programId,
        revision: parent.revision,
        versionId,
        startSlot: state.startSlot,
        joinedOn,
        billing: plan.schedule,
        totalMinor: plan.totalMinor,
      },
    });
    await createNotification(tx, {
      customerId: customer.id,
      kind: "program_joined",
      title: `You joined ${parent.name}`,
      body: `Your first shipment is planned for ${first.date}.`,
      link: `/my-programs/enrollments/${sub.id}`,
      data: { subscriptionId: sub.id, programId },
    });
    const generated = await generateProgramSubscriptions(tx, [sub.id], now);
    return { subscriptionId: sub.id, orders: generated.orders };
  });
  await announceOrders(orders.map((o) => o.orderId));
  return { subscriptionId, orderIds: orders.map((o) => o.orderId) };
}

/** The active program (at its current revision) and the customer, or why they can't join. */
export async function loadJoinContext(
  tx: Transaction | Database,
  customerId: string,
  programId: string,
): Promise<{
  program: Program;
  parent: { id: string; name: string; priceMinor: number; currency: string; revision: number };
  customer: { id: string; timeZone: string; tier: string; region: string | null };
}> {
  const [row] = await tx
    .select({
      id: products.id,
      name: programs.name,
      priceMinor: products.priceMinor,
      currency: products.currency,
      status: programs.status,
      revision: programs.currentRevision,
    })
    .from(programs)
    .innerJoin(products, eq(products.id, programs.parentProductId))
    .where(eq(programs.id, programId));
  if (!row || row.status !== "active" || row.revision === null) throw notFound("Program");
  const [customer] = await tx
    .select({ id: customers.id, timeZone: customers.timeZone, tier: customers.tier, region: customers.region })
    // Locked so two joins by one customer serialize and the duplicate check below sees the first.
    .from(customers)
    .where(eq(customers.id, customerId))
    .for("update");
  if (!customer) throw new AppError("FORBIDDEN", "This account has no customer profile");
  const [existing] = await tx
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
  if (existing) throw conflict("You're already subscribed to this program");
  const program = await loadProgramOrThrow(tx, programId, row.revision);
  return { program, parent: { ...row, revision: row.revision }, customer };
}
