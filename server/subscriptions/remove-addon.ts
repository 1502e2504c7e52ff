import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycleAddons } from "@/db/schema";
import { conflict } from "../errors/app-error";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { lockOwnedSubscriptionOrThrow, type CustomerActor } from "./lock-subscription";
import type { SubscriptionDto } from "./subscription-dto.schema";
import type { RemoveAddonInput } from "./swap-addons.schema";
import { auditSubscription } from "./transition";

/**
 * Removes a one-time add-on before its delivery's order is generated. Once the cursor has passed
 * the cycle its order exists (or the cycle was skipped / missed) and the add-on is locked: 409.
 * Removing one that is not there changes nothing (a double click, a retried request).
 */
export async function removeAddon(db: Database, actor: CustomerActor, id: string, input: RemoveAddonInput, now: Date): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    if (input.cycleIndex < row.nextCycleIndex) {
      throw conflict("This delivery's order has already been created; its add-ons can't be changed any more");
    }
    const [removed] = await tx
      .delete(cycleAddons)
      .where(and(eq(cycleAddons.subscriptionId, row.id), eq(cycleAddons.cycleIndex, input.cycleIndex), eq(cycleAddons.productId, input.productId)))
      .returning({ quantity: cycleAddons.quantity });
    if (!removed) return;
    await auditSubscription(tx, {
      subscriptionId: row.id,
      action: "addon_removed",
      actor: { type: "user", userId: actor.userId },
      data: { cycleIndex: input.cycleIndex, productId: input.productId, quantity: removed.quantity },
      at: now,
    });
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}
