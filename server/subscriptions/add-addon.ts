import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycleAddons } from "@/db/schema";
import { conflict } from "../errors/app-error";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, lockOwnedSubscriptionOrThrow, type CustomerActor } from "./lock-subscription";
import type { SubscriptionDto } from "./subscription-dto.schema";
import type { AddAddonInput } from "./swap-addons.schema";
import { assertAddable } from "./swap-rules";
import { auditSubscription } from "./transition";

/**
 * Adds product × quantity to the NEXT delivery only: a `cycle_addons` row keyed by the cursor's
 * cycle (the cursor never rests on a skipped cycle, so it is the next delivery that ships).
 * Generation adds it as an extra line of that cycle's order — same order, same charge — and
 * never again. Adding the same product again sets its quantity (a repeat changes nothing).
 * The row is locked, so generation can't create the order in between.
 */
export async function addAddon(db: Database, actor: CustomerActor, id: string, input: AddAddonInput, now: Date): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    assertCan(row, "addon");
    if (row.nextRunAt === null) throw conflict("There is no upcoming delivery to add to");
    await assertAddable(tx, input.productId);
    const cycleIndex = row.nextCycleIndex;
    const [existing] = await tx
      .select({ quantity: cycleAddons.quantity })
      .from(cycleAddons)
      .where(and(eq(cycleAddons.subscriptionId, row.id), eq(cycleAddons.cycleIndex, cycleIndex), eq(cycleAddons.productId, input.productId)));
    if (existing?.quantity === input.quantity) return;
    await tx
      .insert(cycleAddons)
      .values({ subscriptionId: row.id, cycleIndex, productId: input.productId, quantity: input.quantity, createdAt: now })
      .onConflictDoUpdate({
        target: [cycleAddons.subscriptionId, cycleAddons.cycleIndex, cycleAddons.productId],
        set: { quantity: input.quantity },
      });
    await auditSubscription(tx, {
      subscriptionId: row.id,
      action: "addon_added",
      actor: { type: "user", userId: actor.userId },
      data: { cycleIndex, productId: input.productId, quantity: input.quantity, ...(existing ? { previousQuantity: existing.quantity } : {}) },
      at: now,
    });
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}
