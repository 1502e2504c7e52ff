import "server-only";
import type { Database, Transaction } from "@/db/client";
import { invalid } from "../errors/app-error";
import { compareLocalDates, toLocalDate } from "../schedule";
import { applyTransition } from "./transition";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, lockOwnedSubscriptionOrThrow, type CustomerActor, type SubscriptionRow } from "./lock-subscription";
import type { SubscriptionDto } from "./subscription-dto.schema";
import type { PauseInput } from "./subscription.schema";

/**
 * active → paused. The cursor and nextRunAt are kept (the generator only claims active rows);
 * resuming decides what is skipped. With `until`, resumeDuePaused resumes it at the start of
 * that local date.
 */
export async function pauseSubscription(db: Database, actor: CustomerActor, id: string, input: PauseInput, now: Date): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    await pauseLocked(tx, row, actor, input, now);
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}

/** The pause itself, on a row the caller locked in `tx` (a save offer pauses in its own transaction). */
export async function pauseLocked(
  tx: Transaction,
  row: SubscriptionRow,
  actor: CustomerActor,
  input: PauseInput,
  now: Date,
): Promise<SubscriptionRow> {
  assertCan(row, "pause");
  if (input.until && compareLocalDates(input.until, toLocalDate(now, row.timeZone)) <= 0) {
    throw invalid({ until: "Choose a date after today" });
  }
  return applyTransition(tx, {
    row,
    now,
    action: "paused",
    actor: { type: "user", userId: actor.userId },
    set: { status: "paused", pausedUntil: input.until ?? null },
    data: { until: input.until ?? null },
  });
}
