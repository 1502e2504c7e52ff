import type { Frequency } from "@/server/schedule";
import type { Random } from "./random";

export type LifecycleStep =
  | { day: number; kind: "pause"; untilInDays?: number }
  | { day: number; kind: "resume" }
  | { day: number; kind: "skip" }
  | { day: number; kind: "cancel" };

export type SubscriptionPlan = {
  person: number;
  sku: string;
  quantity: number;
  frequency: Frequency;
  /** Day of the simulation the customer sets it up; the first delivery is that day or a little later. */
  day: number;
  startInDays: number;
  localTime: string;
  end: { kind: "until_cancelled" } | { kind: "after_cycles"; cycles: number } | { kind: "on_date"; afterDays: number };
  steps: LifecycleStep[];
};

const SKUS = [
  ["COF-BEAN-1KG", 14],
  ["COF-FILTER-100", 8],
  ["VIT-D3-90", 10],
  ["RAZ-BLADE-8", 9],
  ["DOG-FOOD-12KG", 8],
  ["DET-PODS-60", 10],
  ["TB-HEADS-4", 7],
  ["WTR-FILTER-3", 7],
  ["PRO-WHEY-2KG", 6],
  ["CAT-LITTER-10KG", 5],
] as const;

const FREQUENCY_WEIGHTS: ReadonlyArray<readonly [Frequency, number]> = [
  ["weekly", 12],
  ["biweekly", 22],
  ["monthly", 40],
  ["quarterly", 14],
  ["semiannual", 5],
  ["annual", 5],
  ["daily", 2],
];

/**
 * ~`count` subscriptions over `people` customers and `days` days: every frequency and end
 * condition, and a life for each — some are paused (with and without an auto-resume date),
 * skip a cycle, resume or cancel on later days. The seed runs these through the real
 * use-cases on the day they happen.
 */
export function planSubscriptions(random: Random, o: { count: number; people: number; days: number }): SubscriptionPlan[] {
  const plans: SubscriptionPlan[] = [];
  for (let i = 0; i < o.count; i++) {
    const frequency = random.weighted(FREQUENCY_WEIGHTS);
    // Daily ones are few and recent, or they would be most of the orders.
    const day = frequency === "daily" ? random.int(o.days - 12, o.days - 2) : random.int(0, o.days - 2);
    const sku = random.weighted(SKUS);
    // A few large orders land in manual review (default threshold $500).
    const big = random.chance(0.03);
    const quantity = big
      ? sku === "DOG-FOOD-12KG" || sku === "PRO-WHEY-2KG"
        ? 10
        : 30
      : random.weighted([
          [1, 70],
          [2, 22],
          [3, 8],
        ] as const);
    const end = random.weighted([
      [{ kind: "until_cancelled" as const }, 70],
      [{ kind: "after_cycles" as const, cycles: random.int(2, 6) }, 15],
      [{ kind: "on_date" as const, afterDays: random.int(20, 80) }, 15],
    ] as const);
    const steps: LifecycleStep[] = [];
    const later = (min: number) => Math.min(o.days, day + random.int(min, 40));
    const roll = random.next();
    if (roll < 0.07) {
      const at = later(3);
      steps.push({ day: at, kind: "pause", untilInDays: random.int(5, 30) });
    } else if (roll < 0.12) {
      const at = later(3);
      steps.push({ day: at, kind: "pause" });
      if (random.chance(0.4)) steps.push({ day: Math.min(o.days, at + random.int(4, 20)), kind: "resume" });
    } else if (roll < 0.22) {
      steps.push({ day: later(1), kind: "skip" });
    } else if (roll < 0.32) {
      steps.push({ day: later(5), kind: "cancel" });
    }
    plans.push({
      person: i % o.people,
      sku,
      quantity,
      frequency,
      day,
      startInDays: random.int(0, 3),
      localTime: random.pick(["07:00", "09:00", "12:30", "18:00"]),
      end,
      steps: steps.filter((s) => s.day > day),
    });
  }
  return plans;
}
