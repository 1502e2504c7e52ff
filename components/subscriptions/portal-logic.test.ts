import { describe, expect, it } from "vitest";
import type { SubscriptionDetailDto } from "@/server/subscriptions/subscription-dto.schema";
import { describeActivity, endLabel, formatLocalDay, formatLocalTime } from "./format";
import { optimisticDetail } from "./queries";

const cycle = (cycleIndex: number, localDate: string, skipped = false) => ({
  cycleIndex,
  localDate,
  nominalDate: localDate,
  at: `${localDate}T14:00:00.000Z`,
  skipped,
  rescheduled: false,
  order: null,
  product: { id: "p1", name: "Coffee" },
  swapped: false,
  addons: [],
  deliveryAddress: null,
});
const detail: SubscriptionDetailDto = {
  subscription: {
    id: "s1",
    status: "active",
    product: { id: "p", sku: "S", name: "Beans", priceMinor: 2400, currency: "USD" },
    quantity: 2,
    frequency: "monthly",
    anchorDate: "2027-01-31",
    localTime: "09:00",
    timeZone: "America/New_York",
    end: { kind: "until_cancelled", cycles: null, endDate: null },
    pausedUntil: null,
    next: { cycleIndex: 1, localDate: "2027-02-28", at: "2027-02-28T14:00:00.000Z" },
    createdAt: "2026-11-24T15:00:00.000Z",
    cancelledAt: null,
    cancelReason: null,
    discount: null,
    address: null,
  },
  upcoming: [cycle(0, "2027-01-31"), cycle(1, "2027-02-28"), cycle(2, "2027-03-31")],
  orders: [],
  activity: [],
};

describe("optimisticDetail", () => {
  it("skip strikes the next delivery and moves 'next' to the following one", () => {
    const after = optimisticDetail(detail, { kind: "skip" });
    expect(after.upcoming.map((c) => c.skipped)).toEqual([false, true, false]);
    expect(after.subscription.next).toMatchObject({ cycleIndex: 2, localDate: "2027-03-31" });
  });

  it("pause and resume flip the status at once; unskip restores the earliest skipped", () => {
    const paused = optimisticDetail(detail, { kind: "pause", until: "2027-04-01" });
    expect(paused.subscription).toMatchObject({ status: "paused", pausedUntil: "2027-04-01", next: null });
    expect(optimisticDetail(paused, { kind: "resume" }).subscription.status).toBe("active");
    const skipped = optimisticDetail(detail, { kind: "skip" });
    expect(optimisticDetail(skipped, { kind: "unskip" }).upcoming.every((c) => !c.skipped)).toBe(true);
  });

  it("leaves non-optimistic actions to the server", () => {
    expect(optimisticDetail(detail, { kind: "cancel" })).toBe(detail);
  });
});

describe("portal formatting", () => {
  it("formats local dates without shifting them through the browser's zone", () => {
    expect(formatLocalDay("2027-02-28")).toBe("Sun, Feb 28, 2027");
    expect(formatLocalDay("2027-03-31")).toBe("Wed, Mar 31, 2027");
    expect(formatLocalTime("09:00")).toBe("9:00 AM");
  });

  it("describes audit rows and end conditions in words", () => {
    expect(describeActivity("skipped", { localDate: "2027-02-28" })).toBe("Skipped the delivery of Sun, Feb 28, 2027");
    expect(describeActivity("frequency_changed", { from: "monthly", to: "biweekly" })).toBe("Frequency changed Monthly → Every 2 weeks");
    expect(describeActivity("paused", { until: null })).toBe("Paused");
    expect(endLabel({ kind: "after_cycles", cycles: 1, endDate: null })).toBe("After 1 delivery");
  });
});
