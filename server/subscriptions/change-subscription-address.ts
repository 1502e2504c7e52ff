import "server-only";
import type { Database } from "@/db/client";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, lockOwnedSubscriptionOrThrow, type CustomerActor } from "./lock-subscription";
import { ownedAddressOrThrow } from "./owned-address";
import type { SubscriptionDto } from "./subscription-dto.schema";
import type { SubscriptionAddressInput } from "./delivery-address.schema";
import { applyTransition } from "./transition";

/**
 * "This and all future deliveries": the subscription ships to another of the customer's
 * addresses from the next order generation creates. Orders already created keep the address
 * they were created with, and a delivery sent elsewhere one-off stays so. Same address: nothing.
 */
export async function changeSubscriptionAddress(
  db: Database,
  actor: CustomerActor,
  id: string,
  input: SubscriptionAddressInput,
  now: Date,
): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    assertCan(row, "change_address");
    const address = await ownedAddressOrThrow(tx, actor.customerId, input.addressId);
    if (row.addressId === address.id) return;
    await applyTransition(tx, {
      row,
      now,
      action: "address_changed",
      actor: { type: "user", userId: actor.userId },
      set: { addressId: address.id },
      data: { from: row.addressId, to: address.id, fromCycleIndex: row.nextCycleIndex },
    });
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}
