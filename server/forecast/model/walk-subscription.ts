import { cycleLines, NO_EXTRAS } from "@/server/generation/cycle-lines";
import { planCycle, cycleLocalDate, type ScheduleRow } from "@/server/generation/plan-cycle";
import { firstShippableCycle } from "@/server/subscriptions/subscription-schedule";
import { startOfLocalDay } from "@/server/subscriptions/upcoming-timeline";
import type { BookSubscription } from "./book";
import type { ForecastSink } from "./forecast-order";
import type { WindowClock } from "./window";

/**
 * Replays generation for one (non-program) subscription over the window, on a copy of its
 * cursor: at each instant the cron would claim it (its next_run_at, or `now` when overdue),
 * `planCycle` — the function generation runs — decides the order, skip or catch-up, and the
 * cursor moves where generation would move it. A paused subscription first resumes the way the
 * resume sweep does (start of its `pausedUntil` local day, cycles inside the pause not made up).
 * Returns false when generation would fail on it (product not orderable), which the caller counts.
 */
export function walkSubscription(sub: BookSubscription, clock: WindowClock, emit: ForecastSink): boolean {
  if (!sub.productSellable || sub.productKind !== "standard") return false;
  let cursor = sub.nextCycleIndex;
  let atMs = sub.nextRunAt?.getTime() ?? null;
  if (sub.status === "paused") {
    if (sub.pausedUntil === null) return true;
    const resumeAt = startOfLocalDay(sub.pausedUntil, sub.timeZone);
    const first = firstShippableCycle(sub, [...sub.overrides.values()], sub.nextCycleIndex, resumeAt);
    if (!first) return true;
    cursor = first.cycleIndex;
    atMs = first.at.getTime();
  }
  const boundMs = clock.boundMs(sub.timeZone);
  const row: ScheduleRow = { ...scheduleOf(sub), nextCycleIndex: cursor };
  const extras = sub.extras ?? NO_EXTRAS;
  const base = { productId: sub.productId, quantity: sub.quantity, sellable: sub.productSellable, kind: sub.productKind };
  // Generation discounts the next `ordersLeft` orders it creates, inside the window or not.
  let discountsLeft = sub.discount?.ordersLeft ?? 0;
  while (atMs !== null && atMs < boundMs) {
    const runMs = Math.max(atMs, clock.nowMs);
    row.nextCycleIndex = cursor;
    const plan = planCycle(row, sub.overrides, new Date(runMs));
    if (plan.kind === "complete") return true;
    const date = cycleLocalDate(row, sub.overrides, plan.cycleIndex);
    // generation's own line rule: the cycle's swap, then its add-ons; a swap to a product that
    // can't be ordered fails there (retried, never shipped), so the walk stops like the book does.
    const planned = plan.kind === "order" ? cycleLines(base, extras, plan.cycleIndex) : null;
    if (planned && !planned.ok) return false;
    const discountPercent = planned && discountsLeft > 0 ? sub.discount!.percent : undefined;
    if (discountPercent !== undefined) discountsLeft--;
    if (clock.dayIndex(date) >= 0) {
      const lines = planned?.ok ? planned.lines : null;
      emit({
        subscriptionId: sub.id,
        customerId: sub.customerId,
        cycleIndex: plan.cycleIndex,
        outcome: plan.kind === "order" ? "order" : "skip",
        date,
        scheduledFor: plan.kind === "order" ? plan.runAt : new Date(runMs),
        generatedAt: new Date(runMs),
        productId: lines ? lines[0]!.productId : sub.productId,
        quantity: sub.quantity,
        ...(lines && lines.length > 1 ? { addons: lines.slice(1) } : {}),
        ...(discountPercent !== undefined ? { discountPercent } : {}),
        program: null,
      });
    }
    if (!plan.next) return true;
    cursor = plan.next.index;
    atMs = plan.next.runAt.getTime();
  }
  return true;
}

function scheduleOf(s: BookSubscription): Omit<ScheduleRow, "nextCycleIndex"> {
  return {
    frequency: s.frequency,
    anchorDate: s.anchorDate,
    anchorIndex: s.anchorIndex,
    localTime: s.localTime,
    timeZone: s.timeZone,
    endKind: s.endKind,
    endCycles: s.endCycles,
    endDate: s.endDate,
  };
}
