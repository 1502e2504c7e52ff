import { describe, expect, it } from "vitest";
import { NO_OVERRIDES, type BookSubscription } from "./book";
import { CycleDayMemo, aggregateBook } from "./aggregate-book";
import { DemandAccumulator, firstShortWeek } from "./demand";
import { demandCsv } from "./demand-csv";
import type { ForecastOrder } from "./forecast-order";
import { walkSubscription } from "./walk-subscription";
import { WindowClock } from "./window";
import { emptyTally } from "./walk-book";

const NOW = new Date("2027-03-01T12:00:00Z");
const clock = (days = 28) => new WindowClock({ now: NOW, startDate: "2027-03-01", days });

const sub = (o: Partial<BookSubscription> = {}): BookSubscription => ({
  id: "s1",
  customerId: "c1",
  productId: "p1",
  quantity: 2,
  frequency: "weekly",
  anchorDate: "2027-03-02",
  anchorIndex: 0,
  localTime: "09:00",
  timeZone: "America/New_York",
  endKind: "until_cancelled",
  endCycles: null,
  endDate: null,
  nextCycleIndex: 0,
  nextRunAt: new Date("2027-03-02T14:00:00Z"),
  status: "active",
  pausedUntil: null,
  productSellable: true,
  productKind: "standard",
  overrides: NO_OVERRIDES,
  ...o,
});

const walk = (s: BookSubscription, c = clock()) => {
  const out: ForecastOrder[] = [];
  walkSubscription(s, c, (o) => out.push(o));
  return out;
};

describe("walkSubscription", () => {
  it("yields each weekly cycle at its local wall time, across the DST change", () => {
    const orders = walk(sub());
    expect(orders.map((o) => o.date)).toEqual(["2027-03-02", "2027-03-09", "2027-03-16", "2027-03-23"]);
    // 09:00 EST = 14:00Z before 14 March, 09:00 EDT = 13:00Z after.
    expect(orders.map((o) => o.scheduledFor.toISOString().slice(11, 16))).toEqual(["14:00", "14:00", "13:00", "13:00"]);
  });

  it("applies skips, reschedules and end conditions", () => {
    const overrides = new Map([
      [1, { cycleIndex: 1, kind: "skip" as const, localDate: null }],
      [2, { cycleIndex: 2, kind: "reschedule" as const, localDate: "2027-03-17" }],
    ]);
    const orders = walk(sub({ overrides, endKind: "after_cycles", endCycles: 3 }));
    expect(orders.map((o) => [o.cycleIndex, o.outcome, o.date])).toEqual([
      [0, "order", "2027-03-02"],
      [1, "skip", "2027-03-09"],
      [2, "order", "2027-03-17"],
    ]);
  });

  it("resumes a paused subscription at the start of its resume date, without making up the pause", () => {
    const orders = walk(sub({ status: "paused", pausedUntil: "2027-03-15" }));
    expect(orders.map((o) => [o.cycleIndex, o.date])).toEqual([
      [2, "2027-03-16"],
      [3, "2027-03-23"],
    ]);
    expect(walk(sub({ status: "paused", pausedUntil: null }))).toEqual([]);
  });

  it("does not forecast what generation would fail on", () => {
    expect(walkSubscription(sub({ productSellable: false }), clock(), () => {})).toBe(false);
  });
});

describe("demand aggregation", () => {
  it("the memoized path equals the walk, and the first short week is flagged", () => {
    const c = clock();
    const subs = [sub(), sub({ id: "s2", quantity: 1 }), sub({ id: "s3", frequency: "daily", anchorDate: "2027-03-05" })];
    const products = new Map([["p1", { id: "p1", sku: "BEANS", name: "Beans", priceMinor: 1000, onHand: 20, reserved: 2 }]]);
    const catalog = { products, programs: new Map(), isPhantom: () => false };
    const fast = new DemandAccumulator(c, () => 1000);
    aggregateBook({ subscriptions: subs }, catalog, c, fast, new CycleDayMemo(c), emptyTally());
    const slow = new DemandAccumulator(c, () => 1000);
    for (const s of subs) walkSubscription(s, c, slow.sink);
    const result = fast.result(products);
    expect(result).toEqual(slow.result(products));
    // Week 0 (1–7 March): the two weekly ones on the 2nd (2 + 1), the daily one (2) on the 5th, 6th and 7th.
    expect(result.skus[0]!.weekly[0]).toBe(3 + 3 * 2);
    expect(result.skus[0]!.available).toBe(18);
    expect(result.skus[0]!.firstShortWeek).toBe(firstShortWeek(result.skus[0]!.weekly, 18));
    expect(result.weekly[0]!.revenueMinor).toBe(9 * 1000);
    const csv = demandCsv(result);
    expect(csv.split("\r\n")[0]).toBe(
      "sku,name,on_hand,available,week_of_2027-03-01,week_of_2027-03-08,week_of_2027-03-15,week_of_2027-03-22,total,first_short_week_of",
    );
    expect(csv).toContain("BEANS,Beans,20,18,");
  });

  it("firstShortWeek is the first week the running total exceeds what is available", () => {
    expect(firstShortWeek([5, 5, 5], 12)).toBe(2);
    expect(firstShortWeek([5, 5], 10)).toBeNull();
  });

  it("CSV defuses formulas and quotes separators", () => {
    const csv = demandCsv({
      startDate: "2027-03-01",
      weeks: 1,
      skus: [{ productId: "p", sku: "=HYPERLINK()", name: 'A, "b"', available: 0, onHand: 0, weekly: [1], daily: [], total: 1, firstShortWeek: 0 }],
      weekly: [{ start: "2027-03-01", orders: 1, units: 1, revenueMinor: 0, needApproval: 0 }],
      daily: [],
      skipped: 0,
      blocked: 0,
    });
    expect(csv.split("\r\n")[1]).toBe(`'=HYPERLINK(),"A, ""b""",0,0,1,1,2027-03-01`);
  });
});
