import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { cycleOverrides } from "@/db/schema";
import { conflict, invalid } from "../errors/app-error";
import { applyTransition } from "./transition";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import { assertCan, loadOverrides, lockOwnedSubscriptionOrThrow, type CustomerActor, type SubscriptionRow } from "./lock-subscription";
import { cycleAt, firstShippableCycle } from "./subscription-schedule";
import type { SubscriptionDto } from "./subscription-dto.schema";

/**
 * Skips the next delivery: a `skip` override for the cursor's cycle, then the cursor moves to
 * the next cycle that will ship. Invariant kept by skip/unskip: the cursor never rests on a
 * skipped cycle, so `nextRunAt` is always the next real delivery. Anchor and dates unchanged.
 */
export async function skipNext(db: Database, actor: CustomerActor, id: string, now: Date): Promise<SubscriptionDto> {
  return skipCycle(db, actor, id, {}, now);
}

/**
 * Skips one occurrence, named by its cycle index (default: the cursor's). Keyed by occurrence,
 * so a repeated request — a double click, a retried email link — never skips a second delivery:
 * skipping a cycle that is already skipped changes nothing. A later cycle may be skipped ahead;
 * the cursor moves only when its own cycle is skipped.
 */
export async function skipCycle(db: Database, actor: CustomerActor, id: string, input: { cycleIndex?: number }, now: Date): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    await skipLocked(tx, row, actor, input, now);
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}

/** The skip itself, on a row the caller locked in `tx` (a save offer skips in its own transaction). */
export async function skipLocked(
  tx: Transaction,
  row: SubscriptionRow,
  actor: CustomerActor,
  input: { cycleIndex?: number },
  now: Date,
): Promise<void> {
  assertCan(row, "skip");
  const overrides = await loadOverrides(tx, row.id, row.anchorIndex);
  const index = input.cycleIndex ?? row.nextCycleIndex;
  if (overrides.some((o) => o.cycleIndex === index && o.kind === "skip")) return;
  if (index < row.nextCycleIndex) throw conflict("This delivery has already been placed");
  const target = row.nextRunAt ? cycleAt(row, overrides, index) : null;
  if (!target) throw conflict("There is no upcoming delivery to skip");
  if (target.skipped) return;

  await tx
    .insert(cycleOverrides)
    .values({ subscriptionId: row.id, cycleIndex: target.cycleIndex, kind: "skip", localDate: target.rescheduled ? target.localDate : null })
    .onConflictDoUpdate({ target: [cycleOverrides.subscriptionId, cycleOverrides.cycleIndex], set: { kind: "skip" } });
  const atCursor = target.cycleIndex === row.nextCycleIndex;
  const withSkip = [
    ...overrides.filter((o) => o.cycleIndex !== target.cycleIndex),
    { cycleIndex: target.cycleIndex, kind: "skip" as const, localDate: null },
  ];
  const next = atCursor ? firstShippableCycle(row, withSkip, target.cycleIndex + 1) : null;
  await applyTransition(tx, {
    row,
    now,
    action: "skipped",
    actor: { type: "user", userId: actor.userId },
    // Skipping the last delivery leaves an active subscription with nothing due (unskip can undo it).
    set: !atCursor ? {} : next ? { nextCycleIndex: next.cycleIndex, nextRunAt: next.at } : { nextCycleIndex: target.cycleIndex + 1, nextRunAt: null },
    data: {
      cycleIndex: target.cycleIndex,
      localDate: target.localDate,
      nextCycleIndex: atCursor ? (next?.cycleIndex ?? null) : row.nextCycleIndex,
    },
  });
}

/**
 * Restores a skipped delivery that is still in the future (by default the earliest). A cycle
 * moved before it was skipped gets its moved date back. If it lies before the cursor, the
 * cursor moves back to it.
 */
export async function unskipCycle(
  db: Database,
  actor: CustomerActor,
  id: string,
  input: { cycleIndex?: number },
  now: Date,
): Promise<SubscriptionDto> {
  await db.transaction(async (tx) => {
    const row = await lockOwnedSubscriptionOrThrow(tx, actor.customerId, id);
    assertCan(row, "unskip");
    const overrides = await loadOverrides(tx, row.id, row.anchorIndex);
    const restorable = overrides
      .filter((o) => o.kind === "skip")
      .map((o) => cycleAt(row, overrides, o.cycleIndex))
      .filter((c) => c !== null && c.at.getTime() > now.getTime());
    const target = input.cycleIndex === undefined ? restorable[0] : restorable.find((c) => c?.cycleIndex === input.cycleIndex);
    if (!target) {
      if (input.cycleIndex !== undefined) throw invalid({ cycleIndex: "This delivery isn't skipped or has already passed" });
      throw conflict("There is no skipped delivery to restore");
    }
    const where = and(eq(cycleOverrides.subscriptionId, row.id), eq(cycleOverrides.cycleIndex, target.cycleIndex));
    if (target.rescheduled) await tx.update(cycleOverrides).set({ kind: "reschedule" }).where(where);
    else await tx.delete(cycleOverrides).where(where);

    const movesCursor = target.cycleIndex < row.nextCycleIndex || row.nextRunAt === null;
    await applyTransition(tx, {
      row,
      now,
      action: "unskipped",
      actor: { type: "user", userId: actor.userId },
      set: movesCursor ? { nextCycleIndex: target.cycleIndex, nextRunAt: target.at } : {},
      data: { cycleIndex: target.cycleIndex, localDate: target.localDate },
    });
  });
  return (await getSubscriptionOrThrow(db, actor.customerId, id)).dto;
}
