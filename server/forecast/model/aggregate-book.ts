import { programKey, type BookEnrollment, type BookSubscription, type ForecastCatalog } from "./book";
import type { DemandAccumulator } from "./demand";
import type { ForecastOrder } from "./forecast-order";
import type { WalkTally } from "./walk-book";
import { walkEnrollment } from "./walk-enrollment";
import { walkSubscription } from "./walk-subscription";
import type { WindowClock } from "./window";

/** Entries kept before the memo starts over (bounds memory; a miss only costs a walk). */
const MAX_MEMO = 500_000;

/**
 * The order days of an active subscription without overrides depend only on its schedule and
 * cursor — not on who it belongs to, the product or the quantity — so subscriptions sharing
 * them (a large book has many: same frequency, anchor, time of day, zone) are walked once. The
 * value IS the walk's result (walkSubscription into a collecting sink), so it cannot differ.
 */
export class CycleDayMemo {
  private readonly map = new Map<string, Int32Array>();
  hits = 0;
  misses = 0;

  constructor(private readonly clock: WindowClock) {}

  daysFor(sub: BookSubscription): Int32Array {
    const key =
      `${sub.frequency}|${sub.anchorDate}|${sub.anchorIndex}|${sub.localTime}|${sub.timeZone}|${sub.endKind}|` +
      `${sub.endCycles}|${sub.endDate}|${sub.nextCycleIndex}|${sub.nextRunAt?.getTime()}`;
    let days = this.map.get(key);
    if (days) {
      this.hits++;
      return days;
    }
    this.misses++;
    const list: number[] = [];
    walkSubscription(sub, this.clock, (o: ForecastOrder) => {
      if (o.outcome === "order") list.push(this.clock.dayIndex(o.date));
    });
    days = Int32Array.from(list);
    if (this.map.size >= MAX_MEMO) this.map.clear();
    this.map.set(key, days);
    return days;
  }
}

/**
 * walkBook for the demand view: the same walks into the accumulator, with override-free active
 * subscriptions served from the memo (no order objects for them). `productId` keeps only that
 * product's orders (the segment's product filter).
 */
export function aggregateBook(
  chunk: { subscriptions?: readonly BookSubscription[]; enrollments?: readonly BookEnrollment[] },
  catalog: ForecastCatalog,
  clock: WindowClock,
  acc: DemandAccumulator,
  memo: CycleDayMemo,
  tally: WalkTally,
  productId?: string,
): void {
  const sink =
    productId === undefined
      ? acc.sink
      : (o: ForecastOrder) => (o.productId === productId || (o.addons ?? []).some((a) => a.productId === productId)) && acc.add(o);
  for (const sub of chunk.subscriptions ?? []) {
    tally.subscriptions++;
    if (!sub.productSellable || sub.productKind !== "standard") {
      tally.failing++;
      continue;
    }
    // A cycle's swap or add-on can ship another product than the subscription's, so those walk.
    // So does a discount: its orders are priced one by one.
    const plain = !sub.discount && (!sub.extras || (sub.extras.swaps.size === 0 && sub.extras.addons.size === 0));
    if (productId !== undefined && sub.productId !== productId && plain) continue;
    if (sub.status === "active" && sub.overrides.size === 0 && plain) acc.addCycles(sub.productId, sub.quantity, memo.daysFor(sub));
    else walkSubscription(sub, clock, sink);
  }
  for (const e of chunk.enrollments ?? []) {
    tally.enrollments++;
    const program = catalog.programs.get(programKey(e.programId, e.revision));
    if (!program) {
      tally.unknownProgram++;
      continue;
    }
    walkEnrollment(e, program, catalog.isPhantom, clock, sink);
  }
}
