import "server-only";
import { and, eq, gt, gte } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { cycleOverrides, deliveryAddresses } from "@/db/schema";
import { conflict, invalid } from "../errors/app-error";
import type { Frequency } from "../schedule";
import { applyTransition } from "./transition";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, loadOverrides, lockOwnedSubscriptionOrThrow, type CustomerActor, type SubscriptionRow } from "./lock-subscription";
import { cycleAt, lastCycleIndex } from "./subscription-schedule";
import type { SubscriptionDto } from "./subscription-dto.schema";
import type { ChangeSubscriptionInput } from "./subscription.schema";

/**
 * Changes quantity and/or frequency, effective from the next order the generator creates
 * (orders already created keep theirs). Each change is its own guarded UPDATE and audit row.
 */
export async function changeSubscription(
  db: Database,
  actor: CustomerActor,
  id: string,
  input: ChangeSubscriptionInput,
  now: Date,
): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    let row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    assertCan(row, "change");
    const who = { type: "user" as const, userId: actor.userId };
    if (input.quantity !== undefined && input.quantity !== row.quantity) {
      row = await applyTransition(tx, {
        row,
        now,
        action: "quantity_changed",
        actor: who,
        set: { quantity: input.quantity },
        data: { from: row.quantity, to: input.quantity },
      });
    }
    if (input.frequency !== undefined && input.frequency !== row.frequency) {
      await changeFrequency(tx, row, input.frequency, who, now);
    }
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}

/**
 * Re-anchors (docs/schedule.md): the new anchor is the date of the cursor's cycle — the next
 * delivery that will ship, its moved date if it was rescheduled — at global index
 * `nextCycleIndex`; overrides from there on are dropped. Skips already made of earlier cycles
 * stay (they lie before the new anchor). `after_cycles` keeps the remaining count. On a row the
 * caller locked in `tx` (a save offer changes the frequency in its own transaction).
 */
export async function changeFrequency(
  tx: Transaction,
  row: SubscriptionRow,
  frequency: Frequency,
  actor: { type: "user"; userId: string },
  now: Date,
): Promise<void> {
  const overrides = await loadOverrides(tx, row.id, row.anchorIndex);
  const next = row.status === "active" && row.nextRunAt === null ? null : cycleAt(row, overrides, row.nextCycleIndex);
  if (!next) throw conflict("This subscription has no deliveries left to change");

  const last = lastCycleIndex(row);
  const endCycles = row.endKind === "after_cycles" && last !== null ? last - next.cycleIndex + 1 : row.endCycles;
  if (row.endKind === "on_date" && row.endDate && next.localDate > row.endDate) {
    throw invalid({ frequency: "The next delivery was moved past the end date; move it back before changing the frequency" });
  }
  await tx.delete(cycleOverrides).where(and(eq(cycleOverrides.subscriptionId, row.id), gte(cycleOverrides.cycleIndex, next.cycleIndex)));
  // The next delivery keeps its date (it becomes the anchor), so its one-off address stays; later
  // cycles fall on other dates now, and an address chosen for a date must not follow another one.
  const dropped = await tx
    .delete(deliveryAddresses)
    .where(and(eq(deliveryAddresses.subscriptionId, row.id), gt(deliveryAddresses.cycleIndex, next.cycleIndex)))
    .returning({ cycleIndex: deliveryAddresses.cycleIndex });
  await applyTransition(tx, {
    row,
    now,
    actor,
    action: "frequency_changed",
    set: { frequency, anchorDate: next.localDate, anchorIndex: next.cycleIndex, endCycles, nextRunAt: row.nextRunAt === null ? null : next.at },
    data: {
      from: row.frequency,
      to: frequency,
      anchor: { from: { date: row.anchorDate, index: row.anchorIndex }, to: { date: next.localDate, index: next.cycleIndex } },
      endCycles: row.endKind === "after_cycles" ? { from: row.endCycles, to: endCycles } : undefined,
      deliveryAddressesDropped: dropped.length > 0 ? dropped.map((d) => d.cycleIndex) : undefined,
    },
  });
}
