import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deliveryAddresses } from "@/db/schema";
import { conflict, invalid } from "../errors/app-error";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, loadOverrides, lockOwnedSubscriptionOrThrow, type CustomerActor } from "./lock-subscription";
import { cycleOrderExists, ownedAddressOrThrow } from "./owned-address";
import { cycleAt } from "./subscription-schedule";
import type { SubscriptionDto } from "./subscription-dto.schema";
import type { SubscriptionAddressInput } from "./delivery-address.schema";
import { auditSubscription } from "./transition";

export const LOCKED_MESSAGE = "This delivery's order has already been created, so where it ships can't change any more";

/**
 * "Send this one delivery to another address" (a gift): the cycle named by its index ships to
 * `addressId`, every other cycle to the subscription's own address. Keyed by occurrence like a
 * skip: a repeat changes nothing, a second address for the same cycle replaces the first. Allowed
 * until generation creates the cycle's order (the cursor has passed it); from then on it is locked,
 * and the order keeps the address it was created with. The subscription row is locked, so a
 * generator batch (FOR NO KEY UPDATE) can't create that order meanwhile.
 */
export async function setDeliveryAddress(
  db: Database,
  actor: CustomerActor,
  id: string,
  cycleIndex: number,
  input: SubscriptionAddressInput,
  now: Date,
): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    assertCan(row, "send_delivery_elsewhere");
    const address = await ownedAddressOrThrow(tx, actor.customerId, input.addressId);
    if (cycleIndex < row.nextCycleIndex || (await cycleOrderExists(tx, row.id, cycleIndex))) throw conflict(LOCKED_MESSAGE);
    const cycle = cycleIndex >= row.anchorIndex ? cycleAt(row, await loadOverrides(tx, row.id, row.anchorIndex), cycleIndex) : null;
    if (!cycle) throw invalid({ cycleIndex: "There is no such delivery in this subscription's schedule" });
    if (cycle.skipped) throw conflict("This delivery is skipped; restore it before sending it somewhere");

    const [current] = await tx
      .select({ addressId: deliveryAddresses.addressId })
      .from(deliveryAddresses)
      .where(and(eq(deliveryAddresses.subscriptionId, row.id), eq(deliveryAddresses.cycleIndex, cycleIndex)));
    if (current?.addressId === address.id) return;
    if (!current && address.id === row.addressId) {
      throw invalid({ addressId: "This subscription already ships to this address; pick another one for this delivery" });
    }
    await tx
      .insert(deliveryAddresses)
      .values({ subscriptionId: row.id, cycleIndex, addressId: address.id, createdAt: now })
      .onConflictDoUpdate({
        target: [deliveryAddresses.subscriptionId, deliveryAddresses.cycleIndex],
        set: { addressId: address.id, createdAt: now },
      });
    await auditSubscription(tx, {
      subscriptionId: row.id,
      at: now,
      action: "delivery_address_set",
      actor: { type: "user", userId: actor.userId },
      data: { cycleIndex, localDate: cycle.localDate, addressId: address.id, replaced: current?.addressId ?? null },
    });
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}
