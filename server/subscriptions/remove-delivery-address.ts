import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deliveryAddresses } from "@/db/schema";
import { conflict } from "../errors/app-error";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, lockOwnedSubscriptionOrThrow, type CustomerActor } from "./lock-subscription";
import { cycleOrderExists } from "./owned-address";
import { LOCKED_MESSAGE } from "./set-delivery-address";
import type { SubscriptionDto } from "./subscription-dto.schema";
import { auditSubscription } from "./transition";

/**
 * The delivery ships to the subscription's own address again. Only before its order exists
 * (then it is locked, like setting it). Nothing to remove: nothing changes (a repeated click).
 */
export async function removeDeliveryAddress(db: Database, actor: CustomerActor, id: string, cycleIndex: number, now: Date): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    assertCan(row, "send_delivery_elsewhere");
    if (cycleIndex < row.nextCycleIndex || (await cycleOrderExists(tx, row.id, cycleIndex))) throw conflict(LOCKED_MESSAGE);
    const removed = await tx
      .delete(deliveryAddresses)
      .where(and(eq(deliveryAddresses.subscriptionId, row.id), eq(deliveryAddresses.cycleIndex, cycleIndex)))
      .returning({ addressId: deliveryAddresses.addressId });
    if (removed.length === 0) return;
    await auditSubscription(tx, {
      subscriptionId: row.id,
      at: now,
      action: "delivery_address_removed",
      actor: { type: "user", userId: actor.userId },
      data: { cycleIndex, addressId: removed[0]!.addressId },
    });
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}
