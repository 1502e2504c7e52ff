import "server-only";
import { and, eq, gte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycleSwaps } from "@/db/schema";
import { conflict, invalid } from "../errors/app-error";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, loadOverrides, lockOwnedSubscriptionOrThrow, type CustomerActor } from "./lock-subscription";
import { cycleAt } from "./subscription-schedule";
import type { SubscriptionDto } from "./subscription-dto.schema";
import type { SwapProductInput } from "./swap-addons.schema";
import { assertSwapAllowed } from "./swap-rules";
import { applyTransition, auditSubscription } from "./transition";

/**
 * Swaps the subscription's product to one the merchandiser allows from it (product_swaps).
 *
 * - `future`: the subscription's product column, so every order generated from now on ships it
 *   (orders already created keep theirs). "This delivery only" swaps to the new product become
 *   redundant and are dropped; swaps to a third product stay (the customer chose them per delivery).
 * - `once`: a `cycle_swaps` row for one delivery (default: the next). Generation ships it for
 *   that cycle only, priced from the catalog then. Swapping "once" back to the subscription's own
 *   product removes the row. Keyed by occurrence, so a repeat changes nothing and audits nothing.
 *
 * The rule is always checked against the subscription's product (what the merchandiser allowed
 * subscribers of it to switch to). The row is locked, so generation can't create the cycle's
 * order in between: a cycle behind the cursor is already ordered and is refused (409).
 */
export async function swapProduct(db: Database, actor: CustomerActor, id: string, input: SwapProductInput, now: Date): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    assertCan(row, "swap");
    const who = { type: "user" as const, userId: actor.userId };

    if (input.scope === "future") {
      if (input.cycleIndex !== undefined) throw invalid({ cycleIndex: "A swap for all future deliveries starts at the next one" });
      if (input.productId === row.productId) return;
      await assertSwapAllowed(tx, row.productId, input.productId);
      await applyTransition(tx, {
        row,
        now,
        action: "product_swapped",
        actor: who,
        set: { productId: input.productId },
        data: { scope: "future", from: row.productId, to: input.productId, cycleIndex: row.nextCycleIndex },
      });
      await tx
        .delete(cycleSwaps)
        .where(and(eq(cycleSwaps.subscriptionId, row.id), eq(cycleSwaps.productId, input.productId), gte(cycleSwaps.cycleIndex, row.nextCycleIndex)));
      return;
    }

    if (row.status !== "active" || row.nextRunAt === null) throw conflict("There is no upcoming delivery to swap");
    const index = input.cycleIndex ?? row.nextCycleIndex;
    // Before the anchor (a frequency change re-anchored past it) there is no cycle to read, only an order.
    const cycle = index < row.anchorIndex ? null : cycleAt(row, await loadOverrides(tx, row.id, row.anchorIndex), index);
    // A skipped delivery is passed by the cursor too; say which of the two it is.
    if (cycle?.skipped) throw invalid({ cycleIndex: "This delivery is skipped; restore it first" });
    if (index < row.nextCycleIndex) throw conflict("This delivery's order has already been created; it can't be changed any more");
    if (!cycle) throw invalid({ cycleIndex: "There is no such delivery" });

    const key = and(eq(cycleSwaps.subscriptionId, row.id), eq(cycleSwaps.cycleIndex, index));
    const [existing] = await tx.select({ productId: cycleSwaps.productId }).from(cycleSwaps).where(key);
    const current = existing?.productId ?? row.productId;
    if (current === input.productId) return;
    if (input.productId === row.productId) {
      await tx.delete(cycleSwaps).where(key);
    } else {
      await assertSwapAllowed(tx, row.productId, input.productId);
      await tx
        .insert(cycleSwaps)
        .values({ subscriptionId: row.id, cycleIndex: index, productId: input.productId, createdAt: now })
        .onConflictDoUpdate({ target: [cycleSwaps.subscriptionId, cycleSwaps.cycleIndex], set: { productId: input.productId, createdAt: now } });
    }
    await auditSubscription(tx, {
      subscriptionId: row.id,
      action: "product_swapped",
      actor: who,
      data: { scope: "once", cycleIndex: index, localDate: cycle.localDate, from: current, to: input.productId },
      at: now,
    });
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}
