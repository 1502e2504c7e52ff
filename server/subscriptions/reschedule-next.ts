import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { cycleOverrides } from "@/db/schema";
import { conflict, invalid } from "../errors/app-error";
import { compareLocalDates, occurrenceDate, zonedInstant } from "../schedule";
import { applyTransition } from "./transition";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, loadOverrides, lockOwnedSubscriptionOrThrow, type CustomerActor } from "./lock-subscription";
import { cycleAt } from "./subscription-schedule";
import type { SubscriptionDto } from "./subscription-dto.schema";
import type { RescheduleInput } from "./subscription.schema";

/**
 * Moves the next delivery (only that one) to another local date: a `reschedule` override for
 * the cursor's cycle and a new nextRunAt. The anchor and every other cycle stay put. To keep
 * deliveries in order the date must be after now, after the previous cycle's date and
 * before the following cycle's nominal date. Moving it back to its own date drops the override.
 * With `cycleIndex`, the move applies only while that cycle is still the next delivery (an email
 * link announced it; if the customer changed the schedule since, it must not move another one).
 */
export async function rescheduleNext(
  db: Database,
  actor: CustomerActor,
  id: string,
  input: RescheduleInput & { cycleIndex?: number },
  now: Date,
): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    assertCan(row, "reschedule");
    const overrides = await loadOverrides(tx, row.id, row.anchorIndex);
    const target = row.nextRunAt ? cycleAt(row, overrides, row.nextCycleIndex) : null;
    if (!target) throw conflict("There is no upcoming delivery to move");
    if (input.cycleIndex !== undefined && input.cycleIndex !== target.cycleIndex) throw conflict("This delivery has changed since");

    const { localDate } = input;
    const at = zonedInstant(localDate, row.localTime, row.timeZone);
    const n = target.cycleIndex - row.anchorIndex;
    const following = occurrenceDate(row.anchorDate, row.frequency, n + 1);
    const previous = n > 0 ? cycleAt(row, overrides, target.cycleIndex - 1) : null;
    if (at.getTime() <= now.getTime()) throw invalid({ localDate: "Choose a date in the future" });
    if (compareLocalDates(localDate, following) >= 0) throw invalid({ localDate: `Choose a date before the following delivery (${following})` });
    if (previous && compareLocalDates(localDate, previous.localDate) <= 0) {
      throw invalid({ localDate: `Choose a date after the previous delivery (${previous.localDate})` });
    }

    if (localDate === target.nominalDate) {
      await tx.delete(cycleOverrides).where(and(eq(cycleOverrides.subscriptionId, row.id), eq(cycleOverrides.cycleIndex, target.cycleIndex)));
    } else {
      await tx
        .insert(cycleOverrides)
        .values({ subscriptionId: row.id, cycleIndex: target.cycleIndex, kind: "reschedule", localDate })
        .onConflictDoUpdate({ target: [cycleOverrides.subscriptionId, cycleOverrides.cycleIndex], set: { kind: "reschedule", localDate } });
    }
    await applyTransition(tx, {
      row,
      now,
      action: "rescheduled",
      actor: { type: "user", userId: actor.userId },
      set: { nextRunAt: at },
      data: { cycleIndex: target.cycleIndex, from: target.localDate, to: localDate },
    });
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}
