import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { addresses, customers, products, subscriptions } from "@/db/schema";
import { createNotification } from "@/server/notifications/create-notification";
import { generateForSubscriptions } from "../generation/generate-for-subscriptions";
import { AppError, invalid, type FieldErrors } from "../errors/app-error";
import { compareLocalDates, toLocalDate } from "../schedule";
import { announceOrders } from "@/server/orders/announce-orders";
import { auditSubscription } from "./transition";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import type { CustomerActor } from "./lock-subscription";
import { cycleAt } from "./subscription-schedule";
import type { CreateSubscriptionInput } from "./subscription.schema";
import type { SubscriptionDto } from "./subscription-dto.schema";

/**
 * Creates and confirms a subscription in one transaction: validated insert, audit row, an
 * in-app notification, and the first order (cycle 0) created at once by the generator —
 * dated for the start date, so the customer sees it immediately. `order/created` is sent
 * after commit (a lost send is re-driven by generation's sweeper from the database).
 */
export async function createSubscription(
  db: Database,
  actor: CustomerActor,
  input: CreateSubscriptionInput,
  now: Date,
): Promise<{ subscription: SubscriptionDto; firstOrderId: string | null }> {
  const { id, created } = await db.transaction(async (tx) => {
    const { timeZone, addressId } = await validateNewSubscription(tx, actor.customerId, input, now);
    const values = {
      customerId: actor.customerId,
      productId: input.productId,
      addressId,
      quantity: input.quantity,
      frequency: input.frequency,
      anchorDate: input.startDate,
      anchorIndex: 0,
      localTime: input.localTime,
      timeZone,
      endKind: input.end.kind,
      endCycles: input.end.kind === "after_cycles" ? input.end.cycles : null,
      endDate: input.end.kind === "on_date" ? input.end.endDate : null,
      status: "active" as const,
      nextCycleIndex: 0,
      createdAt: now,
      updatedAt: now,
    };
    const first = cycleAt(values, [], 0);
    // The schema forbids an empty series; keep the guard so a future end kind can't slip one in.
    if (!first) throw invalid({ end: "This end condition leaves no deliveries" });
    const [row] = await tx
      .insert(subscriptions)
      .values({ ...values, nextRunAt: first.at })
      .returning();
    if (!row) throw new Error("insert returned no row");

    await auditSubscription(tx, {
      subscriptionId: row.id,
      at: now,
      action: "created",
      actor: { type: "user", userId: actor.userId },
      fromState: null,
      toState: "active",
      data: {
        productId: input.productId,
        quantity: input.quantity,
        frequency: input.frequency,
        startDate: input.startDate,
        localTime: input.localTime,
        timeZone,
        end: input.end,
      },
    });
    const generated = await generateForSubscriptions(tx, [row.id], now);
    await createNotification(tx, {
      customerId: actor.customerId,
      kind: "subscription_confirmed",
      title: "Subscription confirmed",
      body: `Your first delivery is scheduled for ${first.localDate}.`,
      link: `/subscriptions/${row.id}`,
      data: { subscriptionId: row.id },
    });
    return { id: row.id, created: generated };
  });

  await announceOrders(created.map((o) => o.orderId));
  const { dto } = await getSubscriptionOrThrow(db, actor.customerId, id);
  return { subscription: dto, firstOrderId: created[0]?.orderId ?? null };
}

/** Checks that need the database or the clock; all field errors are reported together. */
export async function validateNewSubscription(tx: Transaction, customerId: string, input: CreateSubscriptionInput, now: Date) {
  const fields: FieldErrors = {};
  const [customer] = await tx.select({ timeZone: customers.timeZone }).from(customers).where(eq(customers.id, customerId));
  if (!customer) throw new AppError("FORBIDDEN", "This account has no customer profile");

  const [product] = await tx.select({ sellable: products.sellable, kind: products.kind }).from(products).where(eq(products.id, input.productId));
  if (!product) fields.productId = "This product doesn't exist";
  // Phantom items are placeholders and programs have their own enrolment (server/continuity).
  else if (!product.sellable || product.kind !== "standard") fields.productId = "This product can't be subscribed to";

  const timeZone = input.timeZone ?? customer.timeZone;
  const today = toLocalDate(now, timeZone);
  if (compareLocalDates(input.startDate, today) < 0) fields.startDate = "Start date can't be in the past";

  let addressId: string | null = null;
  if (input.addressId) {
    const [address] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(and(eq(addresses.id, input.addressId), eq(addresses.customerId, customerId)))
      // The lock its foreign key takes anyway, taken now: a concurrent delete of the address either
      // waits and then sees this subscription (refused), or went first and this finds no address.
      .for("key share");
    if (!address) fields.addressId = "Choose one of your addresses";
    else addressId = address.id;
  } else {
    const [fallback] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(eq(addresses.customerId, customerId))
      .orderBy(desc(addresses.isDefault))
      .limit(1)
      .for("key share");
    addressId = fallback?.id ?? null;
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return { timeZone, addressId };
}
